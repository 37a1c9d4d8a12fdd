import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { positionColumn, textColumn, keyColumn } from '../columns';

/**
 * The learner's credit ledger at a receiving institution: one row per decided item of a request
 * (the decisions in force: a revision replaces them, a withdrawal removes them), with provenance.
 */
@Entity('rm_ledger')
@Index('rm_ledger_learner', ['institutionId', 'learnerId'])
export class LedgerRow {
  @PrimaryColumn(keyColumn('request_id')) requestId!: string;
  @PrimaryColumn(keyColumn('item_id')) itemId!: string;
  @Column(textColumn('institution_id')) institutionId!: string;
  @Column(textColumn('learner_id')) learnerId!: string;
  @Column(textColumn('program_id')) programId!: string;
  @Column(textColumn('kind')) kind!: string;
  @Column(textColumn('ref_id')) refId!: string;
  @Column(textColumn('outcome')) outcome!: string;
  @Column(textColumn('reason_code')) reasonCode!: string;
  /** Exact, in the receiving policy's unit. */
  @Column(textColumn('credits')) credits!: string;
  @Column(textColumn('unit')) unit!: string;
  /** Evidence events, policy and program versions, conversion table: canonical JSON. */
  @Column(textColumn('provenance')) provenance!: string;
  @Column(textColumn('decided_on')) decidedOn!: string;
  @Column(positionColumn('decision_position')) decisionPosition!: number;
}
