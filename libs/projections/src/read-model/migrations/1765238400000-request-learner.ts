import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** A learner's requests toward a program: eligibility binds the decisions in force (read for every progress row). */
export class RequestLearner1765238400000 implements MigrationInterface {
  name = 'RequestLearner1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('rm_requests', new TableIndex({ name: 'rm_requests_learner', columnNames: ['learner_id', 'program_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('rm_requests', 'rm_requests_learner');
  }
}
