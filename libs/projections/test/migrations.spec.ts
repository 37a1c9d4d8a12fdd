import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createReadModelDataSource, migrateReadModels, READ_MODEL_MIGRATIONS } from '../src';
import { itChecksTheMigrations } from './support/migration-checks';

describe('read-model migrations (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-model-migrations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  itChecksTheMigrations((name) => ({ kind: 'sqlite', file: join(dir, `${name}.sqlite`) }), `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
});

describe('read-model migration HistoryWithoutRowid (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-model-history-rowid-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given history rows written before it, makes both history tables WITHOUT ROWID and keeps every row and index', async () => {
    const file = join(dir, 'rm.sqlite');
    const before = new DataSource({ type: 'better-sqlite3', database: file, migrations: READ_MODEL_MIGRATIONS.slice(0, 2), migrationsTransactionMode: 'all' });
    await before.initialize();
    await before.runMigrations();
    await before.query(`INSERT INTO rm_history VALUES (7, 'e7', 'learner-l1', 0, 'LearnerRegistered', '2026-01-01', '2026-01-02', 'mitx', 'issuer')`);
    await before.query(`INSERT INTO rm_history_subjects VALUES ('learner', 'l1', 7), ('institution', 'mitx', 7)`);
    await before.destroy();

    const after = createReadModelDataSource({ kind: 'sqlite', file });
    await migrateReadModels(after, { kind: 'sqlite', file });
    try {
      const tables = (await after.query(`SELECT name, sql FROM sqlite_master WHERE name IN ('rm_history', 'rm_history_subjects')`)) as { name: string; sql: string }[];
      expect(tables.map((t) => [t.name, t.sql.endsWith('WITHOUT ROWID')]).sort()).toEqual([['rm_history', true], ['rm_history_subjects', true]]);
      const indexes = (await after.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'rm_history%' AND sql IS NOT NULL ORDER BY name`)) as { name: string }[];
      expect(indexes.map((i) => i.name)).toEqual(['rm_history_recorded', 'rm_history_subjects_position']);
      expect(await after.query(`SELECT position, event_id, actor_role FROM rm_history`)).toEqual([{ position: 7, event_id: 'e7', actor_role: 'issuer' }]);
      expect(await after.query(`SELECT subject_kind, subject_id, position FROM rm_history_subjects ORDER BY subject_kind`)).toEqual([
        { subject_kind: 'institution', subject_id: 'mitx', position: 7 },
        { subject_kind: 'learner', subject_id: 'l1', position: 7 },
      ]);
    } finally {
      await after.destroy();
    }
  });
});
