import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, EventStore } from '@app/event-store';
import { newEvent } from '../../event-store/test/contract-fixtures';
import { createReadModelDataSource, dumpReadModels, migrateReadModels, projectAll, readCheckpoint, ReadModelOptions, switchReadModels } from '../src';

describe('switchReadModels', () => {
  let dir: string;
  let store: EventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switch-'));
    store = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    for (let i = 0; i < 20; i++) {
      await store.append(`learner-l${i % 4}`, [newEvent(i < 4 ? 'LearnerRegistered' : 'CompletionRecorded', { learnerId: `l${i % 4}`, registeredBy: 'mitx', externalRefHash: null, completionId: `c${i}`, tags: [], grade: { scale: 'percent', value: '90' } })], 'any');
    }
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (name: string) => {
    const options: ReadModelOptions = { kind: 'sqlite', file: join(dir, name) };
    const db = createReadModelDataSource(options);
    await migrateReadModels(db, options);
    return { options, db };
  };

  it('given live read models ahead of the rebuild, refuses to switch (never back in time); once caught up, switches to identical read models', async () => {
    const live = await open('live.sqlite');
    const rebuilt = await open('rebuilt.sqlite');
    const head = await store.headPosition();
    await projectAll(store, live.db);
    await projectAll(store, rebuilt.db, { upTo: head - 5 });
    const refused = await switchReadModels(live.db, live.options, rebuilt.options);
    expect(refused).toEqual({ switched: false, liveCheckpoint: head, rebuiltCheckpoint: head - 5 });
    expect(await readCheckpoint(live.db.manager)).toBe(head);

    const before = await dumpReadModels(live.db);
    await projectAll(store, rebuilt.db, { upTo: head });
    expect(await switchReadModels(live.db, live.options, rebuilt.options)).toEqual({ switched: true, checkpoint: head });
    expect(await dumpReadModels(live.db)).toEqual(before);
    expect(await readCheckpoint(live.db.manager)).toBe(head);
    await live.db.destroy();
    await rebuilt.db.destroy();
  });
});
