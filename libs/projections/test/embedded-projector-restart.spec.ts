import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { createEventStore, EventHandler, EventStore, SubscribeOptions, Subscription } from '@app/event-store';
import { newEvent } from '../../event-store/test/contract-fixtures';
import { createReadModelDataSource, EmbeddedProjector, LearnerRow, migrateReadModels, readCheckpoint } from '../src';

/** A store whose first subscription fails after `failAfter` events, like a transient read error. */
function flakyStore(inner: EventStore, failAfter: number): EventStore & { subscriptions: number } {
  const wrapper = Object.create(inner) as EventStore & { subscriptions: number };
  wrapper.subscriptions = 0;
  wrapper.subscribe = (handler: EventHandler, options: SubscribeOptions): Subscription => {
    wrapper.subscriptions += 1;
    if (wrapper.subscriptions > 1) return inner.subscribe(handler, options);
    let delivered = 0;
    let fail: (e: Error) => void = () => undefined;
    const failed = new Promise<void>((_, reject) => (fail = reject));
    const sub = inner.subscribe(async (event) => {
      if (++delivered > failAfter) {
        fail(new Error('connection reset while reading'));
        return new Promise<void>(() => undefined); // this subscription never delivers again
      }
      await handler(event);
    }, options);
    const done = Promise.race([sub.done, failed]);
    done.catch(() => undefined);
    return { stop: () => sub.stop(), done, get live() { return sub.live; } };
  };
  return wrapper;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('EmbeddedProjector', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'projector-restart-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a subscription that fails mid-catch-up, when the projector runs, then it resumes from its checkpoint and applies every event once', async () => {
    const inner = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    for (let i = 0; i < 40; i++) {
      await inner.append(`learner-l${i}`, [newEvent('LearnerRegistered', { learnerId: `l${i}`, registeredBy: 'mitx', externalRefHash: null })], 'no-stream');
    }
    const store = flakyStore(inner, 15);
    const options = { kind: 'sqlite' as const, file: join(dir, 'rm.sqlite') };
    const db = createReadModelDataSource(options);
    await migrateReadModels(db, options);
    const projector = new EmbeddedProjector(store, db, { batchSize: 5 });
    await projector.start();
    await projector.waitFor(await inner.headPosition(), 10_000);
    await projector.stop();
    expect(store.subscriptions).toBeGreaterThan(1);
    expect(await db.manager.count(LearnerRow)).toBe(40);
    expect(await readCheckpoint(db.manager)).toBe(await inner.headPosition());
    await db.destroy();
    await inner.close();
  });

  it('given the subscription ends while a slow batch is in flight, when the projector restarts, then that batch is applied once (the restart waits for it)', async () => {
    const inner = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    await inner.append('learner-l1', [newEvent('LearnerRegistered', { learnerId: 'l1', registeredBy: 'mitx', externalRefHash: null })], 'no-stream');
    for (let i = 0; i < 3; i++) {
      await inner.append('learner-l1', [newEvent('CompletionRecorded', { learnerId: 'l1', completionId: `c${i}`, tags: [], grade: { scale: 'percent', value: '90' } })], 'any');
    }
    let fail: (e: Error) => void = () => undefined;
    let subscriptions = 0;
    const store = Object.create(inner) as EventStore;
    store.subscribe = (handler: EventHandler, options: SubscribeOptions): Subscription => {
      subscriptions += 1;
      if (subscriptions > 1) return inner.subscribe(handler, options);
      const failed = new Promise<void>((_, reject) => (fail = reject));
      const sub = inner.subscribe(handler, options);
      const done = Promise.race([sub.done, failed]);
      done.catch(() => undefined);
      return { stop: () => sub.stop(), done, get live() { return sub.live; } };
    };
    const options = { kind: 'sqlite' as const, file: join(dir, 'rm.sqlite') };
    const db = createReadModelDataSource(options);
    await migrateReadModels(db, options);
    let slow = true;
    const transaction = db.transaction.bind(db) as (work: (m: EntityManager) => Promise<unknown>) => Promise<unknown>;
    (db as unknown as { transaction: typeof transaction }).transaction = (work) =>
      transaction(async (m) => {
        if (slow) {
          slow = false;
          await sleep(600);
        }
        return work(m);
      });
    const projector = new EmbeddedProjector(store, db, { batchSize: 500 });
    await projector.start();
    await sleep(50); // the first batch is inside its (slow) transaction now
    fail(new Error('connection reset while reading'));
    await sleep(1500);
    await projector.stop();
    const row = await db.manager.findOneBy(LearnerRow, { learnerId: 'l1' });
    const record = JSON.parse(row?.record ?? '{}') as { completions: { completionId: string }[] };
    expect(subscriptions).toBe(2);
    expect(record.completions.map((c) => c.completionId)).toEqual(['c0', 'c1', 'c2']);
    expect(await readCheckpoint(db.manager)).toBe(await inner.headPosition());
    await db.destroy();
    await inner.close();
  });
});
