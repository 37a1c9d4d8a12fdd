import { CompiledConversion } from './credit-units';
import { LearnerItem } from './learner-item.types';
import { ItemFilter, Program } from './program.types';
import { Quantity, Rational, rational, toQuantity } from './rational';

export type NodeKind = 'allOf' | 'anyOf' | 'nOf' | 'course' | 'count' | 'credits';

export interface CompiledNode {
  index: number;
  id: string;
  /** Rule path: ids from the root joined by "/". */
  path: string;
  label?: string;
  kind: NodeKind;
  children: number[];
  /** Children needed (combinators) or items needed (course/count). */
  need: number;
  needCredits: Rational;
  filter?: ItemFilter;
  course?: string;
  observe: boolean;
  /** Index among consuming leaves, or -1. */
  leaf: number;
  limits: number[];
  /** Its own limits and those inherited from its ancestors (what an observing check is capped by). */
  covering: number[];
}

export interface CompiledLeaf {
  index: number;
  node: number;
  kind: 'course' | 'count' | 'credits';
  needCount: number;
  /** Credits needed, in scaled integer units (credits leaves only). */
  needUnits: number;
  eligible: number[];
  limits: number[];
  shareWith: Set<number>;
  substitutedBy: Map<number, string>;
}

export interface CompiledLimit {
  index: number;
  node: number;
  maxUnits: number | null;
  maxItems: number | null;
  maxCredits: Rational | null;
  matches: boolean[];
  filter?: ItemFilter;
  label?: string;
}

export interface CompiledItem {
  index: number;
  id: string;
  item: LearnerItem;
  credits: Rational;
  units: number;
}

export interface CompiledProgram {
  program: Program;
  nodes: CompiledNode[];
  leaves: CompiledLeaf[];
  limits: CompiledLimit[];
  items: CompiledItem[];
  conversion: CompiledConversion;
  totalCredits: Rational;
  /** Credits are compared as integers: credits * scale. */
  scale: bigint;
  anyShareable: boolean;
  referenceDate: string;
  exceptionsApplied: { id: string; kind: string; path: string }[];
  exceptionsIgnored: { id: string; path: string; reason: string }[];
  /** Per node: the exception id that waives it, if any. */
  waivedBy: (string | undefined)[];
  /** Per node: credits needed in scaled integer units. */
  needUnits: number[];
  /** Limits applied at the root besides the program's own (the recognition step's cap pool). */
  extraRootLimits: number[];
  /** Per-evaluation memo of the search (leaf conflict graph, flow relaxation results). */
  cache: { conflicts?: number[][]; flows?: Map<string, boolean> };
}

/** Exact credits from scaled integer units, as an output quantity, without bigint work when it fits. */
export function unitsQuantity(c: CompiledProgram, units: number): Quantity {
  const scale = Number(c.scale);
  if (scale === 1 && Math.abs(units) < 1e13) return intQuantity(units);
  if (Math.abs(units) * 200 >= Number.MAX_SAFE_INTEGER || scale * 200 >= Number.MAX_SAFE_INTEGER) return toQuantity(fromUnits(c, units));
  let a = Math.abs(units);
  let b = scale;
  while (b) [a, b] = [b, a % b];
  const n = units / a;
  const d = scale / a;
  if (d === 1) return intQuantity(n);
  const abs = Math.abs(n);
  const scaled = Math.floor((abs * 200 + d) / (2 * d));
  const whole = Math.floor(scaled / 100);
  const frac = String(scaled % 100).padStart(2, '0').replace(/0+$/, '');
  const body = frac ? `${whole}.${frac}` : `${whole}`;
  return { exact: `${n}/${d}`, decimal: n < 0 && scaled !== 0 ? `-${body}` : body };
}

export function intQuantity(n: number): Quantity {
  const text = String(n);
  return { exact: text, decimal: text };
}

/** Exact credits from scaled integer units. */
export function fromUnits(c: CompiledProgram, units: number): Rational {
  return rational(BigInt(units), c.scale);
}

export class InvalidEvaluationInputError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
  }
}


/** Claims per leaf index (item indices, ascending); leaves outside the set are empty. */
export type Claims = number[][];
