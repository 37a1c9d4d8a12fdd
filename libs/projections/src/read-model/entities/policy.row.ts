import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { positionColumn, textColumn, keyColumn } from '../columns';

/** A recognition policy (all its versions): PolicyState and each version's conversion table. */
@Entity('rm_policies')
export class PolicyRow {
  @PrimaryColumn(keyColumn('policy_id')) policyId!: string;
  @Index('rm_policies_institution') @Column(textColumn('institution_id')) institutionId!: string;
  /** PolicyState, canonical JSON. */
  @Column(textColumn('state')) state!: string;
  /** version -> conversion table, canonical JSON. */
  @Column(textColumn('conversion_tables')) conversionTables!: string;
  @Column(positionColumn('last_position')) lastPosition!: number;
  @Column(textColumn('last_recorded_at')) lastRecordedAt!: string;
}
