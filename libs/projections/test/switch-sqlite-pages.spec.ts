import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createEventStore, EventStore } from '@app/event-store';
import { newEvent } from '../../event-store/test/contract-fixtures';
import { createReadModelDataSource, dumpReadModels, EmbeddedProjector, migrateReadModels, projectAll, readCheckpoint, ReadModelOptions, rebuildReadModels } from '../src';
import { raiseSwitchFence, SWITCH_FENCE_MESSAGE, SWITCH_FENCE_TRIGGERS } from '../src/rebuild/switch-fence';
import { switchSqliteByPages } from '../src/rebuild/switch-sqlite-pages';
import { tuneRebuildTarget } from '../src/rebuild/rebuild-target';
import { sqliteConnectionOf } from '../src/runtime/bulk-sqlite';
import { generateSyntheticLog } from './support/synthetic-log';

const schemaOf = (file: string): unknown[] => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all();
  } finally {
    db.close();
  }
};

const rawOf = (db: DataSource) => {
  const raw = sqliteConnectionOf(db.manager);
  if (!raw) throw new Error('expected SQLite');
  return raw;
};

describe('switching a rebuilt SQLite copy in by pages', () => {
  let dir: string;
  let store: EventStore;
  const opened: DataSource[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switch-pages-'));
    store = await createEventStore({ kind: 'sqlite', path: ':memory:' });
    for (let i = 0; i < 30; i++) {
      await store.append(`learner-l${i % 5}`, [newEvent(i < 5 ? 'LearnerRegistered' : 'CompletionRecorded', { learnerId: `l${i % 5}`, registeredBy: 'mitx', externalRefHash: null, completionId: `c${i}`, tags: [], grade: { scale: 'percent', value: '90' } })], 'any');
    }
  });
  afterEach(async () => {
    for (const db of opened.splice(0)) if (db.isInitialized) await db.destroy();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (name: string, copy = false) => {
    const options: ReadModelOptions = { kind: 'sqlite', file: join(dir, name) };
    const db = createReadModelDataSource(options);
    opened.push(db);
    await migrateReadModels(db, options);
    if (copy) tuneRebuildTarget(db);
    return { options, db };
  };

  it('given the live read models ahead, refuses and raises no fence; once caught up, copies the pages: same rows, the live schema with its reader indexes, no fence, WAL kept', async () => {
    const live = await open('live.sqlite');
    const copy = await open('copy.sqlite', true);
    const head = await store.headPosition();
    await projectAll(store, live.db);
    await projectAll(store, copy.db, { upTo: head - 4 });
    const schemaBefore = schemaOf(join(dir, 'live.sqlite'));
    expect(await switchSqliteByPages(live.db, copy.db)).toEqual({ switched: false, liveCheckpoint: head, rebuiltCheckpoint: head - 4 });
    expect(schemaOf(join(dir, 'live.sqlite'))).toEqual(schemaBefore);

    const before = await dumpReadModels(live.db);
    await projectAll(store, copy.db, { upTo: head });
    expect(await switchSqliteByPages(live.db, copy.db)).toEqual({ switched: true, checkpoint: head, journal: 'wal' });
    expect(await dumpReadModels(live.db)).toEqual(before);
    expect(await readCheckpoint(live.db.manager)).toBe(head);
    expect(schemaOf(join(dir, 'live.sqlite'))).toEqual(schemaBefore);
    const raw = rawOf(live.db);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('given empty live read models that nobody else has open, writes the pages straight into the file (rollback journal), then puts it back into WAL: the rows of a clean projection', async () => {
    await generateSyntheticLog(store, { learners: 60, seed: 5 });
    const live = await open('live.sqlite');
    const copy = await open('copy.sqlite', true);
    const clean = await open('clean.sqlite');
    const head = await store.headPosition();
    await projectAll(store, copy.db);
    await projectAll(store, clean.db);
    expect(await switchSqliteByPages(live.db, copy.db)).toEqual({ switched: true, checkpoint: head, journal: 'rollback' });
    expect(await dumpReadModels(live.db)).toEqual(await dumpReadModels(clean.db));
    const raw = rawOf(live.db);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('given empty live read models that a reader has open, copies through the WAL (the reader is never blocked)', async () => {
    const live = await open('live.sqlite');
    const copy = await open('copy.sqlite', true);
    await projectAll(store, copy.db);
    const reader = new Database(join(dir, 'live.sqlite'), { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) AS n FROM rm_learners').get()).toEqual({ n: 0 });
      expect(await switchSqliteByPages(live.db, copy.db)).toMatchObject({ switched: true, journal: 'wal' });
      expect(reader.prepare('SELECT count(*) AS n FROM rm_learners').get()).toEqual({ n: 5 });
    } finally {
      reader.close();
    }
  });

  it('shows a reader in a read transaction the old read models until it ends it, then the new ones, never a mix', async () => {
    const live = await open('live.sqlite');
    const copy = await open('copy.sqlite', true);
    const head = await store.headPosition();
    await projectAll(store, live.db, { upTo: head - 10 });
    await projectAll(store, copy.db);
    const reader = new Database(join(dir, 'live.sqlite'), { readonly: true });
    try {
      reader.exec('BEGIN');
      const checkpoint = () => Number((reader.prepare(`SELECT position FROM projection_checkpoints`).get() as { position: number }).position);
      expect(checkpoint()).toBe(head - 10);
      expect(await switchSqliteByPages(live.db, copy.db)).toEqual({ switched: true, checkpoint: head, journal: 'wal' });
      expect(checkpoint()).toBe(head - 10);
      reader.exec('COMMIT');
      expect(checkpoint()).toBe(head);
    } finally {
      reader.close();
    }
  });

  it('given a live file that holds anything besides the read models (e.g. the event store), refuses the page copy; the rebuild copies rows and the other tables survive', async () => {
    const file = join(dir, 'shared.sqlite');
    const live = await open('shared.sqlite');
    await projectAll(store, live.db);
    rawOf(live.db).exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, data TEXT); INSERT INTO events VALUES (1, 'must survive')`);
    const before = await dumpReadModels(live.db);
    const report = await rebuildReadModels(store, { kind: 'sqlite', file });
    expect(report).toMatchObject({ switchedBy: 'rows', pageSwitchRefused: 'the live file holds table "events", which is not a read model of this version' });
    expect(rawOf(live.db).prepare('SELECT data FROM events').all()).toEqual([{ data: 'must survive' }]);
    expect(await dumpReadModels(live.db)).toEqual(before);
  });

  it('fences projector commits until its deadline: a batch that meets the fence rolls back whole; a lapsed fence stops nobody', async () => {
    const live = await open('live.sqlite');
    const raw = rawOf(live.db);
    raiseSwitchFence(raw, Date.now() / 1000 + 60);
    await expect(projectAll(store, live.db, { upTo: 9 })).rejects.toThrow(SWITCH_FENCE_MESSAGE);
    expect(await readCheckpoint(live.db.manager)).toBe(-1);
    expect(raw.prepare('SELECT count(*) AS n FROM rm_learners').get()).toEqual({ n: 0 });
    for (const name of SWITCH_FENCE_TRIGGERS) raw.exec(`DROP TRIGGER "${name}"`);
    raiseSwitchFence(raw, Date.now() / 1000 - 1);
    await projectAll(store, live.db, { upTo: 9 });
    expect(await readCheckpoint(live.db.manager)).toBe(9);
  });

  it('given a fence left by a rebuild killed during its switch, the next rebuild removes it and switches; projectors commit again', async () => {
    const live = await open('live.sqlite');
    await projectAll(store, live.db, { upTo: 9 });
    raiseSwitchFence(rawOf(live.db), Date.now() / 1000 + 600);
    await expect(projectAll(store, live.db)).rejects.toThrow(SWITCH_FENCE_MESSAGE);
    const report = await rebuildReadModels(store, { kind: 'sqlite', file: join(dir, 'live.sqlite') });
    expect(report).toMatchObject({ switchedBy: 'pages', checkpoint: await store.headPosition() });
    await store.append('learner-new', [newEvent('LearnerRegistered', { learnerId: 'new', registeredBy: 'mitx', externalRefHash: null })], 'no-stream');
    await projectAll(store, live.db);
    expect(await readCheckpoint(live.db.manager)).toBe(await store.headPosition());
  });

  it('given a live projector and a writer that keep going, rebuildReadModels switches by pages, the projector resumes from the switched-in checkpoint, and the result equals a clean projection', async () => {
    const file = join(dir, 'events.sqlite');
    const fileStore = await createEventStore({ kind: 'sqlite', path: file });
    const live = await open('live.sqlite');
    const projector = new EmbeddedProjector(fileStore, live.db, { batchSize: 20 });
    try {
      await projector.start();
      const first = await generateSyntheticLog(fileStore, { learners: 80, seed: 3 });
      await projector.waitFor(first.head, 30_000);
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          await fileStore.append(`learner-late${i}`, [newEvent('LearnerRegistered', { learnerId: `late${i}`, registeredBy: 'mitx', externalRefHash: null })], 'no-stream');
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      const report = await rebuildReadModels(fileStore, { kind: 'sqlite', file: join(dir, 'live.sqlite') }, undefined, 500);
      writing = false;
      await writer;
      for (let i = 0; i < 5; i++) await fileStore.append(`learner-after${i}`, [newEvent('LearnerRegistered', { learnerId: `after${i}`, registeredBy: 'mitx', externalRefHash: null })], 'no-stream');
      expect(report.switchedBy).toBe('pages');
      expect(report.checkpoint).toBeGreaterThanOrEqual(first.head);
      const head = await fileStore.headPosition();
      await projector.waitFor(head, 30_000);
      const clean = await open('clean.sqlite');
      await projectAll(fileStore, clean.db, { upTo: head });
      expect(await dumpReadModels(live.db)).toEqual(await dumpReadModels(clean.db));
    } finally {
      await projector.stop();
      await fileStore.close();
    }
  }, 60_000);
});
