import { EntityManager, In } from 'typeorm';
import { evaluateEligibility } from '../eligibility/evaluate-eligibility';
import { EligibilityInputsLoader, eligibilityInputsOf } from '../eligibility/eligibility-inputs.loader';
import { ProgressRow } from '../read-model/entities';
import { bulkWrite } from '../runtime/bulk-write';
import { ProgressPair, ProjectionBatch } from '../runtime/projection-batch';

const CHUNK = 200;
const keyOf = (p: { learnerId: string; programId: string }) => `${p.learnerId}\u0000${p.programId}`;

/**
 * End of a batch, after its rows are written: re-evaluates every progress row whose inputs
 * changed (the cascade: a learner's new or corrected completion or revoked credential, a new
 * program version, a new policy version of the institution, an admission, a new request), each
 * once, in key order. Every row is a function of the stored inputs only, so projecting the same
 * events in another interleaving of streams (Kafka partitions) gives the same rows.
 */
export async function reevaluateProgress(batch: ProjectionBatch): Promise<void> {
  await writeProgressRows(batch.manager, await affectedPairs(batch));
}

/** Evaluates the progress rows of `pairs` from the stored inputs and writes them (upsert), in the given order. */
export async function writeProgressRows(manager: EntityManager, pairs: readonly ProgressPair[]): Promise<void> {
  if (pairs.length === 0) return;
  const loader = new EligibilityInputsLoader(manager);
  await loader.preload(pairs.map((p) => p.learnerId));
  const rows: ProgressRow[] = [];
  for (const pair of pairs) rows.push(await progressRowOf(loader, pair).catch((error: unknown) => failedRow(pair, error)));
  await bulkWrite(manager, ProgressRow, rows, 'upsert');
}

async function affectedPairs(batch: ProjectionBatch): Promise<ProgressPair[]> {
  const pairs = new Map<string, ProgressPair>(batch.newPairs);
  const lookups: [keyof ProgressRow & string, string[]][] = [
    ['learnerId', [...batch.changedLearners]],
    ['programId', [...batch.changedPrograms]],
    ['institutionId', [...batch.changedInstitutions]],
  ];
  for (const [column, values] of lookups) {
    for (let i = 0; i < values.length; i += CHUNK) {
      const rows = await rowsWhere(batch.manager, column, values.slice(i, i + CHUNK));
      for (const r of rows) if (!pairs.has(keyOf(r))) pairs.set(keyOf(r), r);
    }
  }
  return [...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

async function rowsWhere(manager: EntityManager, column: keyof ProgressRow & string, values: string[]): Promise<ProgressPair[]> {
  if (values.length === 0) return [];
  return manager.find(ProgressRow, { select: { learnerId: true, programId: true, institutionId: true }, where: { [column]: In(values) } });
}

async function progressRowOf(loader: EligibilityInputsLoader, pair: ProgressPair): Promise<ProgressRow> {
  const base = unevaluatedRow(pair, 'evaluated');
  const result = await loader.load(pair.learnerId, pair.programId);
  if (!result.ok) return { ...base, status: `${result.missing}-unknown` };
  const { loaded } = result;
  const referenceDate = loaded.lastRecordedAt.slice(0, 10);
  const answer = evaluateEligibility(eligibilityInputsOf(loaded, referenceDate));
  return {
    ...base,
    institutionId: loaded.institutionId,
    programVersion: answer.programVersion,
    policyId: answer.policy?.policyId ?? null,
    policyVersion: answer.policy?.version ?? null,
    referenceDate,
    result: answer.result,
    requirementsSatisfied: answer.requirementsSatisfied,
    residencyOutcome: answer.residency.outcome,
    inputsPosition: loaded.inputsPosition,
    answer: JSON.stringify(answer),
  };
}

/**
 * A row whose evaluation threw (e.g. a stored definition the current engine no longer accepts):
 * recorded as such, with the reason, instead of failing the whole batch and stopping every read model.
 */
function failedRow(pair: ProgressPair, error: unknown): ProgressRow {
  return { ...unevaluatedRow(pair, 'evaluation-failed'), answer: JSON.stringify({ error: error instanceof Error ? error.message : String(error) }) };
}

/** A progress row with no evaluation in it yet. */
export function unevaluatedRow(pair: ProgressPair, status: string): ProgressRow {
  return {
    learnerId: pair.learnerId,
    programId: pair.programId,
    institutionId: pair.institutionId,
    status,
    programVersion: null,
    policyId: null,
    policyVersion: null,
    referenceDate: null,
    result: null,
    requirementsSatisfied: null,
    residencyOutcome: null,
    inputsPosition: -1,
    answer: null,
  };
}
