import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** The audit history index (see entities/history.row.ts and history-subject.row.ts). */
export class History1764633600000 implements MigrationInterface {
  name = 'History1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rm_history',
        columns: [
          { name: 'position', type: 'bigint', isPrimary: true },
          { name: 'event_id', type: 'text' },
          { name: 'stream', type: 'text' },
          { name: 'revision', type: 'integer' },
          { name: 'type', type: 'text' },
          { name: 'occurred_at', type: 'text' },
          { name: 'recorded_at', type: 'text' },
          { name: 'actor_institution', type: 'text', isNullable: true },
          { name: 'actor_role', type: 'text', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'rm_history_recorded', columnNames: ['recorded_at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rm_history_subjects',
        columns: [
          { name: 'subject_kind', type: 'text', isPrimary: true },
          { name: 'subject_id', type: 'text', isPrimary: true },
          { name: 'position', type: 'bigint', isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'rm_history_subjects_position', columnNames: ['position'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rm_history_subjects');
    await q.dropTable('rm_history');
  }
}
