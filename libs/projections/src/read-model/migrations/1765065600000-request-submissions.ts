import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** The submitting university's view of its requests (GET /submissions): by submitter, status and age. */
export class RequestSubmissions1765065600000 implements MigrationInterface {
  name = 'RequestSubmissions1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('rm_requests', new TableIndex({ name: 'rm_requests_submissions', columnNames: ['submitter_institution', 'status', 'submitted_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('rm_requests', 'rm_requests_submissions');
  }
}
