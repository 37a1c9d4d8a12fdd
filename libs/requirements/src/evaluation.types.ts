import { Quantity } from './rational';
import { ItemFilter, ResidencyRequirement } from './program.types';

export type NodeStatus = 'satisfied' | 'partial' | 'unsatisfied';

export interface Progress {
  have: Quantity;
  need: Quantity;
  /** What is counted: items, credits (in the program's unit) or child rules. */
  of: 'items' | 'credits' | 'rules';
}

export interface NodeEvaluation {
  id: string;
  /** Rule path: ids from the root joined by "/" (the key exceptions use). */
  path: string;
  label?: string;
  kind: 'allOf' | 'anyOf' | 'nOf' | 'course' | 'count' | 'credits';
  status: NodeStatus;
  progress: Progress;
  /** Items this rule claimed (observing checks list the items they looked at). */
  claimedItems: string[];
  observe?: true;
  waivedBy?: string;
  substitutions?: { itemId: string; exceptionId: string }[];
  /** What is still missing here, for a registrar; empty when satisfied. */
  missing: string[];
}

/** 2.x: what new learning completes an unsatisfied rule (or the degree total). */
export type MissingNeed =
  | { kind: 'course'; course: string; matching: ItemFilter; source: 'home' | 'transfer' }
  | { kind: 'items'; items: number; matching: ItemFilter; source: 'home' | 'transfer' }
  | { kind: 'credits'; credits: Quantity; matching: ItemFilter; source: 'home' | 'transfer' }
  | { kind: 'total'; credits: Quantity; matching: ItemFilter; source: 'home' }
  | { kind: 'exception'; rulePath: string }
  | { kind: 'admission' }
  | { kind: 'residency' };

export interface MissingEntry {
  rulePath: string;
  message: string;
  /** 2.x: the new learning that completes this entry: items matching `matching`, counted as `source`. */
  need?: MissingNeed;
  /** 2.x: why items the learner holds do not count toward this rule (by title and code). */
  notes?: string[];
}

/** 2.x: how the reported `missing` completes the program. */
export interface CompletionReport {
  /** New items (courses) the completion asks for, a credit requirement counted as its typical courses. */
  items: number;
  /** Adding what `missing` asks for was evaluated and satisfies the program. */
  verified: boolean;
  /** No new learning completes it (a held course two rules need): an exception is needed. */
  needsException: boolean;
  /** The search for the assignment that leaves the least work explored every option. */
  exhaustive: boolean;
}

export interface Claim {
  itemId: string;
  ruleId: string;
  rulePath: string;
  credits: Quantity;
  evidenceEventId?: string;
}

export interface ResidencyRequirementOut {
  months?: number;
  terms?: number;
  credits?: Quantity;
  courses?: string[];
  description?: string;
}

export interface PathwayCheck {
  id: string;
  label?: string;
  applies: boolean;
  /** Why it does not apply (empty if it applies). */
  reasons: string[];
  /** Credentials or rules that made it apply. */
  basis: string[];
  /** 2.x: ids of the held credentials that made it apply. */
  credentialIds?: string[];
}

export interface ResidencyOutcome {
  defined: boolean;
  /** not-eligible: the program has no standard route and no pathway applies. */
  outcome: 'standard' | 'reduced' | 'not-eligible';
  pathway: { id: string; label?: string } | null;
  requirement: ResidencyRequirementOut;
  /** null: the program has no standard route (pathways only). */
  standard: ResidencyRequirementOut | null;
  pathwaysConsidered: PathwayCheck[];
  progress: {
    credits?: { have: Quantity; need: Quantity; satisfied: boolean };
    courses?: { completed: string[]; missing: string[]; satisfied: boolean };
    months?: { have: number | null; need: number; satisfied: boolean | null };
    terms?: { have: number | null; need: number; satisfied: boolean | null };
  };
  satisfied: boolean | null;
}

export interface CapReport {
  rulePath: string;
  label?: string;
  maxCredits?: Quantity;
  maxItems?: number;
  usedCredits: Quantity;
  usedItems: number;
  /** True when eligible items were left out because of this cap. */
  applied: boolean;
  excludedItems: string[];
}

export interface ProgramEvaluation {
  engineVersion: string;
  program: { id: string; version: string; creditUnit: string };
  referenceDate: string;
  /** Requirements tree and total credits (residency and admission are reported separately). */
  result: NodeStatus;
  requirementsSatisfied: boolean;
  totalCredits: { have: Quantity; need: Quantity; satisfied: boolean };
  admission: { required: boolean; admitted: boolean; satisfied: boolean };
  residency: ResidencyOutcome;
  nodes: NodeEvaluation[];
  claims: Claim[];
  unusedItems: string[];
  missing: MissingEntry[];
  /** 2.x, when the requirements are not satisfied. */
  completion?: CompletionReport;
  creditsBySource: { home: Quantity; transfer: Quantity; transferCounted: Quantity; claimed: Quantity };
  capsApplied: CapReport[];
  exceptions: {
    applied: { id: string; kind: string; path: string }[];
    ignored: { id: string; path: string; reason: string }[];
  };
  search: { exhaustive: boolean; feasibilityChecks: number };
}

export type { ResidencyRequirement };
