import { dictionary, own } from '@app/kernel';
import { parseStoredRecognitionPolicy, ParseRecognitionPolicyResult, RecognitionPolicy } from '@app/requirements';
import { PolicyVersionPublished } from '../domain/policy.events';
import { PolicyState, PolicyVersionSummary, policyVersionEffectiveOn } from '../domain/policy.decider';

export type ConversionTableRecord = PolicyVersionPublished['data']['conversionTable'];

export interface EffectivePolicy {
  policyId: string;
  summary: PolicyVersionSummary;
  policy: RecognitionPolicy;
  conversionTable: ConversionTableRecord;
}

/** A published policy as a reader holds it: its folded state and each version's conversion table. */
export interface PublishedPolicy {
  policyId: string;
  state: PolicyState;
  conversionTables: Record<string, ConversionTableRecord>;
}

/**
 * The version in effect on `date` among one institution's policies for a program (pure): a policy
 * scoped to the program wins over an institution-wide one (programId null); ties go to the lowest
 * policy id, so the choice is deterministic. Null when no policy is in effect. The write side
 * (PolicyCatalog) and the read side (projections) both choose with this function.
 */
export function effectivePolicyAmong(policies: PublishedPolicy[], programId: string, date: string): EffectivePolicy | null {
  const chosen = effectiveVersionAmong(policies, programId, date);
  return chosen ? asEffective(chosen.published, chosen.summary) : null;
}

/** The choice `effectivePolicyAmong` makes, without reading the chosen version's definition. */
export function effectiveVersionAmong(policies: PublishedPolicy[], programId: string, date: string): { published: PublishedPolicy; summary: PolicyVersionSummary } | null {
  const scopedToProgram = (p: PublishedPolicy) => p.state.versions.some((v) => v.programId === programId);
  const candidates = policies
    .filter((p) => p.state.versions.some((v) => v.programId === null || v.programId === programId))
    .sort((a, b) => (scopedToProgram(a) === scopedToProgram(b) ? (a.policyId < b.policyId ? -1 : 1) : scopedToProgram(a) ? -1 : 1));
  for (const candidate of candidates) {
    const summary = policyVersionEffectiveOn(candidate.state, date);
    if (!summary || (summary.programId !== null && summary.programId !== programId)) continue;
    return { published: candidate, summary };
  }
  return null;
}

/** One named version of a published policy, whatever its period (what-if, reproduction); null if unknown. */
export function policyVersionOf(published: PublishedPolicy, version: string): EffectivePolicy | null {
  const summary = published.state.versions.find((v) => v.version === version);
  return summary ? asEffective(published, summary) : null;
}

/** The same version as if in effect on any date: what-if and policy impact ask "had it applied". */
export function inEffectOnAnyDate(effective: EffectivePolicy): EffectivePolicy {
  const { effectiveTo: _to, ...open } = effective.policy;
  return { ...effective, policy: { ...open, effectiveFrom: '0001-01-01' } };
}

/**
 * Parse results by stored definition object: a reader that holds a policy's state (the projector's
 * eligibility loader evaluates thousands of progress rows against the same few policies) validates
 * each definition once instead of once per evaluation. Parsing neither changes nor copies the
 * definition (the policy returned is the definition itself), and stored states are never mutated.
 */
const parsedDefinitions = new WeakMap<object, ParseRecognitionPolicyResult>();

function parseDefinition(definition: unknown): ParseRecognitionPolicyResult {
  if (typeof definition !== 'object' || definition === null) return parseStoredRecognitionPolicy(definition);
  let parsed = parsedDefinitions.get(definition);
  if (!parsed) parsedDefinitions.set(definition, (parsed = parseStoredRecognitionPolicy(definition)));
  return parsed;
}

function asEffective(published: PublishedPolicy, summary: PolicyVersionSummary): EffectivePolicy {
  const parsed = parseDefinition(own(published.state.definitions, summary.version));
  if (!parsed.ok) throw new Error(`stored policy ${published.policyId}@${summary.version} no longer parses`);
  const conversionTable = own(published.conversionTables, summary.version);
  if (!conversionTable) throw new Error(`stored policy ${published.policyId}@${summary.version} has no conversion table`);
  return { policyId: published.policyId, summary, policy: effectiveCopy(parsed.policy, summary), conversionTable };
}

/** The conversion table of every version, from the policy's PolicyVersionPublished events. */
export function conversionTablesOf(events: { type: string; data: unknown }[]): Record<string, ConversionTableRecord> {
  const tables = dictionary<ConversionTableRecord>();
  for (const e of events) {
    if (e.type !== 'PolicyVersionPublished') continue;
    const d = e.data as PolicyVersionPublished['data'];
    tables[d.version] = d.conversionTable;
  }
  return tables;
}

/** The engine checks effectiveTo itself: give it the period as it stands (a superseded version ends early). */
function effectiveCopy(policy: RecognitionPolicy, summary: PolicyVersionSummary): RecognitionPolicy {
  const copy: RecognitionPolicy = { ...policy };
  if (summary.effectiveTo !== null) copy.effectiveTo = summary.effectiveTo;
  return copy;
}
