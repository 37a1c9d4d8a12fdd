import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const int = (name: string): TableColumnOptions => ({ name, type: 'integer' });
const bigint = (name: string): TableColumnOptions => ({ name, type: 'bigint' });
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: true });
const key = (c: TableColumnOptions): TableColumnOptions => ({ ...c, isPrimary: true });

/**
 * The first read-model schema (see the entities in ../entities). Written with TypeORM's Table API
 * so the same migration runs on SQLite and PostgreSQL; a test checks that after it the entities
 * need no schema change on either.
 */
export class ReadModels1764547200000 implements MigrationInterface {
  name = 'ReadModels1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({ name: 'projection_checkpoints', columns: [key(text('projection')), bigint('position')] }));
    await q.createTable(new Table({ name: 'projection_inbox', columns: [key(text('event_id')), bigint('position')] }));
    await q.createTable(
      new Table({ name: 'rm_learners', columns: [key(text('learner_id')), text('record'), int('revision'), bigint('last_position'), text('last_recorded_at')] }),
    );
    await q.createTable(
      new Table({
        name: 'rm_programs',
        columns: [key(text('program_id')), text('institution_id'), text('latest_version'), text('state'), bigint('last_position'), text('last_recorded_at')],
        indices: [new TableIndex({ name: 'rm_programs_institution', columnNames: ['institution_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rm_program_versions',
        columns: [key(text('program_id')), key(text('version')), text('institution_id'), text('title', true), text('credit_unit'), text('total_credits'), text('published_on'), bigint('position')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rm_policies',
        columns: [key(text('policy_id')), text('institution_id'), text('state'), text('conversion_tables'), bigint('last_position'), text('last_recorded_at')],
        indices: [new TableIndex({ name: 'rm_policies_institution', columnNames: ['institution_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rm_policy_versions',
        columns: [
          key(text('policy_id')), key(text('version')), text('institution_id'), text('program_id', true), text('effective_from'), text('effective_to', true),
          text('conversion_table_id'), text('published_on'), bigint('position'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rm_admissions',
        columns: [key(text('institution_id')), key(text('learner_id')), key(text('program_id')), text('decided_on'), text('event_id'), bigint('position'), text('recorded_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rm_requests',
        columns: [
          key(text('request_id')), text('receiving_institution'), text('submitter_institution'), text('learner_id'), text('program_id'), text('program_version'),
          text('status'), int('item_count'), text('proposed_credits', true), text('unit', true), text('submitted_on'), text('submitted_at'), text('last_event_at'),
          bigint('last_position'), text('state'),
        ],
        indices: [new TableIndex({ name: 'rm_requests_queue', columnNames: ['receiving_institution', 'status', 'submitted_at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rm_ledger',
        columns: [
          key(text('request_id')), key(text('item_id')), text('institution_id'), text('learner_id'), text('program_id'), text('kind'), text('ref_id'), text('outcome'),
          text('reason_code'), text('credits'), text('unit'), text('provenance'), text('decided_on'), bigint('decision_position'),
        ],
        indices: [new TableIndex({ name: 'rm_ledger_learner', columnNames: ['institution_id', 'learner_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'rm_progress',
        columns: [
          key(text('learner_id')), key(text('program_id')), text('institution_id'), text('status'), text('program_version', true), text('policy_id', true),
          text('policy_version', true), text('reference_date', true), text('result', true), bool('requirements_satisfied'), text('residency_outcome', true),
          bigint('inputs_position'), text('answer', true),
        ],
        indices: [new TableIndex({ name: 'rm_progress_institution', columnNames: ['institution_id'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['rm_progress', 'rm_ledger', 'rm_requests', 'rm_admissions', 'rm_policy_versions', 'rm_policies', 'rm_program_versions', 'rm_programs', 'rm_learners', 'projection_inbox', 'projection_checkpoints']) {
      await q.dropTable(table);
    }
  }
}
