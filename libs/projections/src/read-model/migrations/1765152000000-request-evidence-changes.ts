import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/**
 * The `evidence-changed` flag of a request (GET /queue and /submissions, `flag` filter): how many
 * evidence changes were flagged on it since its last decision or revision. Rows written before
 * read 0, which is right: no request was flagged before RequestEvidenceChanged existed.
 */
export class RequestEvidenceChanges1765152000000 implements MigrationInterface {
  name = 'RequestEvidenceChanges1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('rm_requests', new TableColumn({ name: 'open_evidence_changes', type: 'integer', isNullable: false, default: 0 }));
    await q.createIndex('rm_requests', new TableIndex({ name: 'rm_requests_queue_flagged', columnNames: ['receiving_institution', 'open_evidence_changes'] }));
    await q.createIndex('rm_requests', new TableIndex({ name: 'rm_requests_submissions_flagged', columnNames: ['submitter_institution', 'open_evidence_changes'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('rm_requests', 'rm_requests_submissions_flagged');
    await q.dropIndex('rm_requests', 'rm_requests_queue_flagged');
    await q.dropColumn('rm_requests', 'open_evidence_changes');
  }
}
