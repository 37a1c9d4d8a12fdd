import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, EventStore } from '@app/event-store';
import { createReadModelDataSource, ProgressRow, rebuildReadModels } from '../src';
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
});
