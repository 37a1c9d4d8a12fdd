import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit history tables as created by History1764633600000, and their secondary indexes. */
const TABLES = [
  {
    name: 'rm_history',
    columns:
      '"position" bigint PRIMARY KEY NOT NULL, "event_id" text NOT NULL, "stream" text NOT NULL, "revision" integer NOT NULL, "type" text NOT NULL, ' +
      '"occurred_at" text NOT NULL, "recorded_at" text NOT NULL, "actor_institution" text, "actor_role" text',
    names: '"position", "event_id", "stream", "revision", "type", "occurred_at", "recorded_at", "actor_institution", "actor_role"',
    indexes: ['CREATE INDEX "rm_history_recorded" ON "rm_history" ("recorded_at")'],
  },
  {
    name: 'rm_history_subjects',
    columns: '"subject_kind" text NOT NULL, "subject_id" text NOT NULL, "position" bigint NOT NULL, PRIMARY KEY ("subject_kind", "subject_id", "position")',
    names: '"subject_kind", "subject_id", "position"',
    indexes: ['CREATE INDEX "rm_history_subjects_position" ON "rm_history_subjects" ("position")'],
  },
];

/**
 * SQLite: the two audit history tables become WITHOUT ROWID tables. Both have a primary key that
 * is not a rowid alias (BIGINT, or three columns), so a rowid table stored every row twice (the
 * table b-tree and the primary-key index) and each insert updated both; clustered on the key they
 * are stored and written once (a rebuild inserts a history row and ~2 subject rows per event).
 * Their rows are small, as WITHOUT ROWID wants. The rows are copied over. PostgreSQL: nothing to change.
 */
export class HistoryWithoutRowid1764720000000 implements MigrationInterface {
  name = 'HistoryWithoutRowid1764720000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await recreate(q, table, ' WITHOUT ROWID');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await recreate(q, table, '');
  }
}

async function recreate(q: QueryRunner, table: (typeof TABLES)[number], options: string): Promise<void> {
  if (q.connection.driver.options.type === 'postgres') return;
  const next = `${table.name}_next`;
  await q.query(`CREATE TABLE "${next}" (${table.columns})${options}`);
  await q.query(`INSERT INTO "${next}" (${table.names}) SELECT ${table.names} FROM "${table.name}"`);
  await q.query(`DROP TABLE "${table.name}"`);
  await q.query(`ALTER TABLE "${next}" RENAME TO "${table.name}"`);
  for (const index of table.indexes) await q.query(index);
}
