import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Exceptions granted to a learner outside any request (see entities/learner-exceptions.row.ts). */
export class LearnerExceptions1765324800000 implements MigrationInterface {
  name = 'LearnerExceptions1765324800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'rm_learner_exceptions',
        columns: [
          { name: 'learner_id', type: 'text', isPrimary: true },
          { name: 'institution_id', type: 'text', isPrimary: true },
          { name: 'state', type: 'text' },
          { name: 'last_position', type: 'bigint' },
          { name: 'last_recorded_at', type: 'text' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rm_learner_exceptions');
  }
}
