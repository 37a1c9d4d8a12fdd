import { Decider, Json, refuse } from '@app/kernel';
import { DEFAULT_CONVERSION_TABLE_ID, compileConversion, conversionTableJson, parseRecognitionPolicy, RecognitionPolicy } from '@app/requirements';
import { ActorRef, assertDate, assertRegistrarOf } from './actor';
import { PolicyEvent } from './policy.events';

export interface PublishPolicyVersion {
  kind: 'PublishPolicyVersion';
  actor: ActorRef;
  policyId: string;
  /** The engine's recognition-policy document; `id` = policy id, `receivingInstitution` = the owner. */
  definition: unknown;
  publishedOn: string;
}
export type PolicyCommand = PublishPolicyVersion;

export interface PolicyVersionSummary {
  version: string;
  programId: string | null;
  effectiveFrom: string;
  /** Exclusive; null = open-ended. Closed by a later version that superseded it. */
  effectiveTo: string | null;
  conversionTableId: string;
  publishedOn: string;
}

export interface PolicyState {
  policyId: string | null;
  institutionId: string | null;
  versions: PolicyVersionSummary[];
  definitions: Record<string, { [key: string]: Json }>;
}

/**
 * Overlapping effective periods are refused (409 policy-period-overlap), so exactly one version is
 * in effect on any date. One exception keeps the common case simple: a new version that starts
 * after the latest version began, while that latest version is open-ended, supersedes it — the
 * event records `closes`, and the earlier version ends (exclusive) where the new one starts.
 */
export const policyDecider: Decider<PolicyCommand, PolicyState, PolicyEvent> = {
  initialState: { policyId: null, institutionId: null, versions: [], definitions: {} },

  decide(command, state) {
    const owner = state.institutionId ?? command.actor.institutionId;
    assertRegistrarOf(command.actor, owner, `publish versions of policy ${command.policyId}`);
    assertDate(command.publishedOn, '/publishedOn');
    const parsed = parseRecognitionPolicy(command.definition);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      throw refuse.invalid('policy-definition-invalid', `policy definition is invalid: ${first.path} ${first.message}`, `/definition${first.path}`);
    }
    const policy = parsed.policy;
    if (policy.id !== command.policyId) {
      throw refuse.invalid('policy-id-mismatch', `definition id "${policy.id}" is not the policy id "${command.policyId}"`, '/definition/id');
    }
    if (policy.receivingInstitution !== owner) {
      throw refuse.invalid('policy-institution-mismatch', `receivingInstitution must be ${owner}, the policy's owner`, '/definition/receivingInstitution');
    }
    // The schema holds versions and program scopes to the API's grammars (VERSION_PATTERN, ID_PATTERN):
    // a version or scope outside them could be published but never chosen in a what-if or matched to a program.
    if (Object.hasOwn(state.definitions, policy.version)) {
      throw refuse.conflict('policy-version-exists', `policy ${command.policyId} version ${policy.version} is already published and immutable`);
    }
    const from = policy.effectiveFrom;
    const to = policy.effectiveTo ?? null;
    const latest = state.versions.at(-1);
    let closes: { version: string; effectiveTo: string } | null = null;
    for (const v of state.versions) {
      if (!overlaps(from, to, v.effectiveFrom, v.effectiveTo)) continue;
      if (v === latest && v.effectiveTo === null && v.effectiveFrom < from && latestStart(state) === v.effectiveFrom) {
        closes = { version: v.version, effectiveTo: from };
        continue;
      }
      throw refuse.conflict('policy-period-overlap', `effective period overlaps version ${v.version} (${v.effectiveFrom} .. ${v.effectiveTo ?? 'open'})`);
    }
    return [
      {
        type: 'PolicyVersionPublished',
        data: {
          policyId: command.policyId,
          version: policy.version,
          institutionId: owner,
          programId: policy.programId ?? null,
          effectiveFrom: from,
          effectiveTo: to,
          conversionTable: conversionTableRecordOf(policy),
          closes,
          definition: JSON.parse(JSON.stringify(policy)) as { [key: string]: Json },
          publishedOn: command.publishedOn,
        },
      },
    ];
  },

  evolve(state, event) {
    const d = event.data;
    const closed = state.versions.map((v) => (d.closes && v.version === d.closes.version ? { ...v, effectiveTo: d.closes.effectiveTo } : v));
    const summary: PolicyVersionSummary = {
      version: d.version,
      programId: d.programId,
      effectiveFrom: d.effectiveFrom,
      effectiveTo: d.effectiveTo,
      conversionTableId: d.conversionTable.id,
      publishedOn: d.publishedOn,
    };
    return {
      policyId: d.policyId,
      institutionId: state.institutionId ?? d.institutionId,
      versions: [...closed, summary],
      definitions: { ...state.definitions, [d.version]: d.definition },
    };
  },
};

/** The conversion table a policy version uses, as recorded in its event: its own, or the engine's default. */
export function conversionTableRecordOf(policy: RecognitionPolicy): { id: string; ectsPerUnit: { [unit: string]: string } } {
  const id = policy.conversionTableId ?? (policy.conversion ? `${policy.id}@${policy.version}` : DEFAULT_CONVERSION_TABLE_ID);
  return { id, ectsPerUnit: conversionTableJson(compileConversion(policy.conversion)) };
}

function overlaps(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  return (bTo === null || aFrom < bTo) && (aTo === null || bFrom < aTo);
}

function latestStart(state: PolicyState): string {
  return state.versions.reduce((m, v) => (v.effectiveFrom > m ? v.effectiveFrom : m), '');
}

/** The version in effect on a date (effectiveFrom <= date < effectiveTo), or null. */
export function policyVersionEffectiveOn(state: PolicyState, date: string): PolicyVersionSummary | null {
  return state.versions.find((v) => inEffectOn(v, date)) ?? null;
}

/** Whether `date` falls in a version's effective period [effectiveFrom, effectiveTo) (effectiveTo null: open-ended). */
export function inEffectOn(period: { effectiveFrom: string; effectiveTo: string | null }, date: string): boolean {
  return period.effectiveFrom <= date && (period.effectiveTo === null || date < period.effectiveTo);
}
