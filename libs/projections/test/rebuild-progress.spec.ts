import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, EventStore } from '@app/event-store';
import { newEvent } from '../../event-store/test/contract-fixtures';
import { createReadModelDataSource, migrateReadModels, ProgressRow, projectAll, rebuildReadModels } from '../src';
import { generateSyntheticLog } from './support/synthetic-log';

describe('what a rebuild reports while it runs (the CLI draws its progress bars from it)', () => {
  let dir: string;
  let store: EventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-progress-'));
    store = await createEventStore({ kind: 'sqlite', path: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the events replayed, then every pending progress row evaluated (from 0 to all of them), then the switch, in that order', async () => {
    const log = await generateSyntheticLog(store, { learners: 40, seed: 8 });
    const calls: string[] = [];
    const file = join(dir, 'read-models.sqlite');
    const report = await rebuildReadModels(
      store,
      { kind: 'sqlite', file },
      {
        start: (total) => calls.push(`start ${total}`),
        update: (checkpoint, applied) => calls.push(`update ${checkpoint} ${applied}`),
        evaluating: (evaluated, pending) => calls.push(`evaluating ${evaluated}/${pending}`),
        switching: () => calls.push('switching'),
        stop: () => calls.push('stop'),
      },
      100,
    );
    const live = await createReadModelDataSource({ kind: 'sqlite', file }, 'reader').initialize();
    const rows = await live.manager.count(ProgressRow);
    await live.destroy();
    expect(rows).toBeGreaterThan(0);

    expect(calls[0]).toBe(`start ${log.head + 1}`);
    const updates = calls.filter((c) => c.startsWith('update'));
    expect(updates[updates.length - 1]).toBe(`update ${log.head} ${report.events}`);
    const evaluating = calls.filter((c) => c.startsWith('evaluating'));
    expect(evaluating[0]).toBe(`evaluating 0/${rows}`);
    expect(evaluating[evaluating.length - 1]).toBe(`evaluating ${rows}/${rows}`);
    expect(calls.indexOf(evaluating[0])).toBeGreaterThan(calls.indexOf(updates[updates.length - 1]));
    expect(calls.indexOf('switching')).toBeGreaterThan(calls.lastIndexOf(evaluating[evaluating.length - 1]));
    expect(calls[calls.length - 1]).toBe('stop');
  });

  it('given live read models that moved ahead of the head the rebuild started from, catches up and reports the switch once, then nothing but the end', async () => {
    const log = await generateSyntheticLog(store, { learners: 40, seed: 9 });
    for (let i = 0; i < 5; i++) await store.append(`learner-after${i}`, [newEvent('LearnerRegistered', { learnerId: `after${i}`, registeredBy: 'mitx', externalRefHash: null })], 'no-stream');
    const liveOptions = { kind: 'sqlite' as const, file: join(dir, 'read-models.sqlite') };
    const live = createReadModelDataSource(liveOptions);
    await migrateReadModels(live, liveOptions);
    await projectAll(store, live);
    await live.destroy();
    // The rebuild starts from the head before the last five events, as if they were appended (and projected live) while it ran.
    let heads = 0;
    const startedBehind = new Proxy(store, {
      get: (target, property) => {
        if (property === 'headPosition' && heads++ === 0) return async () => log.head;
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const calls: string[] = [];
    const report = await rebuildReadModels(
      startedBehind,
      liveOptions,
      {
        start: (total) => calls.push(`start ${total}`),
        update: () => calls.push('update'),
        evaluating: (evaluated, pending) => calls.push(`evaluating ${evaluated}/${pending}`),
        switching: () => calls.push('switching'),
        stop: () => calls.push('stop'),
      },
      50,
    );
    expect(calls[0]).toBe(`start ${log.head + 1}`);
    expect(report.checkpoint).toBe(log.head + 5);
    expect(calls.filter((c) => c === 'switching')).toHaveLength(1);
    expect(calls.slice(calls.indexOf('switching') + 1).every((c) => c === 'stop')).toBe(true);
  });
});
