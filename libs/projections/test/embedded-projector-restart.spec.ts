import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
