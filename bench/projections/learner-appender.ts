import { v7 as uuidv7 } from 'uuid';
import { EventStore, NewEvent, RecordedEvent } from '@app/event-store';
import { learnerDecider, learnerRecordOf, learnerStream, LearnerRecord } from '@app/records';
import { MITX, MITX_COURSES } from '../../libs/projections/test/support/synthetic-catalog';
import { nowMs } from '../lib/report';

/** One append of the steady writer: its global position, when it was issued and when the store confirmed it. */
export interface TimedAppend {
  eventId: string;
  position: number;
  startedAt: number;
  appendedAt: number;
}

interface LearnerCursor {
  id: string;
  record: LearnerRecord;
  revision: number;
}

export interface SteadyWriterOptions {
  /** Learners to write to, in turn (more learners than appends in flight: never two appends on one stream at once). */
  learnerIds: readonly string[];
  appends: number;
  perSecond: number;
  /** Appends in flight at most (a slow store makes the writer late rather than piling up requests). Default 16. */
  maxInFlight?: number;
  /** Called when an append resolved. */
  onAppended?: (append: TimedAppend) => void;
}

export interface SteadyWriterResult {
  appends: TimedAppend[];
  elapsedMs: number;
  /** Appends started more than 10 ms after their slot (the writer could not keep the rate). */
  late: number;
}

/**
 * A writer appending single-event completions (learner-keyed, decided by the records decider as
 * the API does) at a steady rate: append i is issued at t0 + i / perSecond, whatever the previous
 * appends' latency (open loop), to learners in turn.
 */
export async function runSteadyWriter(store: EventStore, options: SteadyWriterOptions): Promise<SteadyWriterResult> {
  const maxInFlight = options.maxInFlight ?? 16;
  if (options.learnerIds.length <= maxInFlight) throw new Error(`need more than ${maxInFlight} learners, got ${options.learnerIds.length}`);
  const cursors = await Promise.all(options.learnerIds.map((id) => cursorOf(store, id)));
  const appends: TimedAppend[] = [];
  const inFlight = new Set<Promise<void>>();
  const intervalMs = 1000 / options.perSecond;
  const t0 = nowMs();
  let late = 0;
  for (let n = 0; n < options.appends; n += 1) {
    const wait = t0 + n * intervalMs - nowMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    if (nowMs() - (t0 + n * intervalMs) > 10) late += 1;
    const cursor = cursors[n % cursors.length];
    const work = appendCompletion(store, cursor, n).then((append) => {
      appends.push(append);
      options.onAppended?.(append);
    });
    const tracked: Promise<void> = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  return { appends, elapsedMs: nowMs() - t0, late };
}

async function cursorOf(store: EventStore, learnerId: string): Promise<LearnerCursor> {
  const events: RecordedEvent[] = [];
  for await (const e of store.readStream(learnerStream(learnerId))) events.push(e);
  return { id: learnerId, record: learnerRecordOf(events), revision: events[events.length - 1].revision };
}

async function appendCompletion(store: EventStore, cursor: LearnerCursor, n: number): Promise<TimedAppend> {
  const course = MITX_COURSES[n % MITX_COURSES.length];
  const actor = { institutionId: MITX, role: 'issuer' };
  const [decided] = learnerDecider.decide(
    { kind: 'RecordCompletion', learnerId: cursor.id, completionId: uuidv7(), actor, courseId: course.courseId, course, grade: { scale: 'percent', value: String(60 + (n % 40)) }, identityVerified: true, completedOn: '2026-05-20' },
    cursor.record,
  );
  const event: NewEvent = { id: uuidv7(), type: decided.type, occurredAt: new Date().toISOString(), schemaVersion: 1, data: decided.data, metadata: { correlationId: uuidv7(), causationId: null, actor } };
  const startedAt = nowMs();
  const result = await store.append(learnerStream(cursor.id), [event], cursor.revision);
  const appendedAt = nowMs();
  cursor.revision = result.nextExpectedRevision;
  return { eventId: event.id, position: result.positions[0], startedAt, appendedAt };
}
