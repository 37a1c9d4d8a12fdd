import { EventStore } from '@app/event-store';
import { courseDecider, courseStream } from '@app/records';
import { policyDecider, policyStream, programDecider, programStream } from '@app/transfer';
import { CatalogPublication, GTX_COURSES, initialCatalog, laterCatalog, MITX_COURSES } from './synthetic-catalog';
import { SyntheticEvaluator } from './synthetic-evaluator';
import { addDays, learnerScript, LearnerStep } from './synthetic-learner';
import { SeededRandom } from './seeded-random';
import { SyntheticWriter } from './synthetic-writer';

export interface SyntheticLogOptions {
  /** Number of learners: the size of the log (about 8 events per learner). */
  learners: number;
  seed?: number;
  /** Commands in flight at once (each on a different stream): >1 batches appends (SQLite group commit). Default 1. */
  concurrency?: number;
  /** Learners whose histories are under way at the same time (their steps interleave). Default 40. */
  activeLearners?: number;
}

export interface SyntheticLogSummary {
  events: number;
  head: number;
  learners: number;
  requests: number;
  byType: Record<string, number>;
}

const FIRST_DAY = '2026-02-01';
/** The simulated calendar runs over this many days: the later SCM policy (2027-01-01) applies to the last ~40% of requests. */
const DAYS = 600;

/**
 * A deterministic, realistic credit-transfer history appended to `store` (any adapter) through
 * the real deciders: course definitions; two receiving institutions' programs and policies; many
 * learners' records (mostly learner events, as in reality); admissions and transfer requests for
 * about 15% of the learners, evaluated by the engine as the app does, then decided, appealed and
 * revised, or withdrawn; half-way through, a new SCM program version and a policy version that
 * closes the first. Many small appends, in an interleaved order drawn from the seed.
 */
export async function generateSyntheticLog(store: EventStore, options: SyntheticLogOptions): Promise<SyntheticLogSummary> {
  const random = new SeededRandom(options.seed ?? 20261130);
  const writer = new SyntheticWriter(store, random);
  const evaluator = new SyntheticEvaluator(store);
  const concurrency = Math.max(1, options.concurrency ?? 1);

  for (const course of [...MITX_COURSES, ...GTX_COURSES]) {
    const { courseId, issuerId, ...fields } = course;
    const actor = { institutionId: issuerId, role: 'issuer' };
    await writer.run(courseDecider, courseStream(courseId), { kind: 'DefineCourse', courseId, actor, course: fields }, actor, '2025-01-05');
  }
  await publish(writer, initialCatalog(), '2026-01-10');

  const scripts = Array.from({ length: options.learners }, () => learnerScript({ writer, evaluator, random }));
  const total = scripts.reduce((n, s) => n + s.steps.length, 0);
  const waiting = scripts.map((s) => s.steps).reverse();
  const active: LearnerStep[][] = [];
  const window = options.activeLearners ?? 40;
  let done = 0;
  let laterPublished = false;
  while (active.length > 0 || waiting.length > 0) {
    while (active.length < window && waiting.length > 0) active.push([...(waiting.pop() ?? [])]);
    if (!laterPublished && done >= total / 2) {
      await publish(writer, laterCatalog(), addDays(FIRST_DAY, Math.floor(DAYS / 2)));
      laterPublished = true;
    }
    const today = addDays(FIRST_DAY, Math.floor((done / total) * DAYS));
    const picked = pickDistinct(random, active.length, concurrency);
    await Promise.all(picked.map((i) => (active[i].shift() as LearnerStep)(today)));
    done += picked.length;
    for (const i of [...picked].sort((a, b) => b - a)) {
      if (active[i].length === 0) active.splice(i, 1);
    }
  }
  return {
    events: writer.appended,
    head: await store.headPosition(),
    learners: scripts.length,
    requests: scripts.reduce((n, s) => n + s.requests, 0),
    byType: Object.fromEntries([...writer.byType.entries()].sort()),
  };
}

async function publish(writer: SyntheticWriter, publications: CatalogPublication[], publishedOn: string): Promise<void> {
  for (const p of publications) {
    const actor = { institutionId: p.institutionId, role: 'registrar' };
    if (p.kind === 'program') {
      await writer.run(programDecider, programStream(p.id), { kind: 'PublishProgramVersion', actor, programId: p.id, definition: p.definition, publishedOn }, actor, publishedOn);
    } else {
      await writer.run(policyDecider, policyStream(p.id), { kind: 'PublishPolicyVersion', actor, policyId: p.id, definition: p.definition, publishedOn }, actor, publishedOn);
    }
  }
}

/** Up to `count` distinct indexes in [0, n), drawn from the seed. */
function pickDistinct(random: SeededRandom, n: number, count: number): number[] {
  if (count === 1 || n === 1) return [random.int(0, n - 1)];
  const indexes = Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  while (out.length < Math.min(count, n)) out.push(indexes.splice(random.int(0, indexes.length - 1), 1)[0]);
  return out;
}
