import { ConversionTable, CreditUnit } from './credit-units';
import { GradeInput } from './grades';
import { RationalInput } from './rational';

/** Which items a leaf or a limit looks at. Every given criterion must hold. */
export interface ItemFilter {
  /** Item level is one of these (e.g. "EQF7"). */
  levels?: string[];
  /** Item field/subject is one of these. */
  fields?: string[];
  /** Item issuer is one of these. */
  issuers?: string[];
  /** Home completion or recognized transfer credit. */
  source?: 'home' | 'transfer';
  /** Item references a credential of one of these types (e.g. "MicroMasters"). */
  credentialTypes?: string[];
  /** Item carries at least one of these tags. */
  tags?: string[];
  /** Item is one of these internal courses. */
  courses?: string[];
  /** Minimum grade (percent, letter or pass/fail). */
  minGrade?: GradeInput;
  /** Completed within this many years of the reference date. */
  withinYears?: number;
  /** Completed in residence (on campus) or not. */
  inResidence?: boolean;
  /** Assessed by one of these methods (e.g. ["proctored-exam"]); an item that does not say fails (ASSESSMENT_NOT_ACCEPTED). */
  assessmentTypes?: string[];
  /** true: assessed with the learner's identity verified (IDENTITY_NOT_VERIFIED otherwise; not stated fails too). */
  identityVerified?: boolean;
}

/** At most N credits / N items / a fraction of the program's total credits, of claimed items matching `filter`. */
export interface NodeLimit {
  maxCredits?: RationalInput;
  maxItems?: number;
  maxFraction?: RationalInput;
  filter?: ItemFilter;
  label?: string;
}

interface NodeBase {
  /** Unique within the program; rule paths are ids joined by "/". */
  id: string;
  label?: string;
  limits?: NodeLimit[];
}

export interface AllOfNode extends NodeBase {
  allOf: RequirementNode[];
}
export interface AnyOfNode extends NodeBase {
  anyOf: RequirementNode[];
}
export interface NOfNode extends NodeBase {
  nOf: number;
  of: RequirementNode[];
}
export interface CourseLeaf extends NodeBase {
  /** A named internal course. */
  course: string;
  filter?: ItemFilter;
}
export interface CountLeaf extends NodeBase {
  count: number;
  filter?: ItemFilter;
  /** Observing check: looks at all items, consumes nothing. */
  observe?: boolean;
}
export interface CreditsLeaf extends NodeBase {
  credits: RationalInput;
  filter?: ItemFilter;
  observe?: boolean;
}

export type RequirementNode = AllOfNode | AnyOfNode | NOfNode | CourseLeaf | CountLeaf | CreditsLeaf;

/** Residency: time or credits on campus, or named on-campus courses. */
export interface ResidencyRequirement {
  months?: number;
  terms?: number;
  credits?: RationalInput;
  courses?: string[];
  description?: string;
}

export type PathwayCondition =
  | { credential: { code?: string; type?: string; issuer?: string; maxAgeYears?: number } }
  | { rule: string }
  | { requirement: RequirementNode };

export interface ReducedResidencyPathway {
  id: string;
  label?: string;
  /** All conditions must hold. */
  requires: PathwayCondition[];
  residency: ResidencyRequirement;
}

export interface ResidencyRules {
  /**
   * The route for a learner no pathway applies to. Absent: the program exists only in its pathway
   * forms (e.g. MIT DEDP: the complete MicroMasters, then one semester), and a learner no pathway
   * applies to is not eligible for it (residency outcome `not-eligible`).
   */
  standard?: ResidencyRequirement;
  reducedPathways?: ReducedResidencyPathway[];
}

/** A receiving institution's degree program, versioned by catalog year. Plain JSON. */
export interface Program {
  id: string;
  version: string;
  title?: string;
  institution?: string;
  creditUnit: CreditUnit;
  totalCredits: RationalInput;
  /** Overrides of the ECTS value per unit used to convert items into `creditUnit`. */
  conversion?: ConversionTable;
  requirements: RequirementNode;
  /** Pairs of rule ids whose leaves may count the same item. */
  shareable?: [string, string][];
  residency?: ResidencyRules;
  admissionRequired?: boolean;
}

export type LeafNode = CourseLeaf | CountLeaf | CreditsLeaf;

export const isAllOf = (n: RequirementNode): n is AllOfNode => 'allOf' in n;
export const isAnyOf = (n: RequirementNode): n is AnyOfNode => 'anyOf' in n;
export const isNOf = (n: RequirementNode): n is NOfNode => 'nOf' in n;
export const isCourse = (n: RequirementNode): n is CourseLeaf => 'course' in n;
export const isCount = (n: RequirementNode): n is CountLeaf => 'count' in n;
export const isCredits = (n: RequirementNode): n is CreditsLeaf => 'credits' in n;

export function childrenOf(n: RequirementNode): RequirementNode[] {
  if (isAllOf(n)) return n.allOf;
  if (isAnyOf(n)) return n.anyOf;
  if (isNOf(n)) return n.of;
  return [];
}
