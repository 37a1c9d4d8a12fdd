import { Column, Entity, PrimaryColumn } from 'typeorm';
import { positionColumn, textColumn, keyColumn } from '../columns';

/** The catalog: one row per published policy version, with its effective period as it stands. */
@Entity('rm_policy_versions')
export class PolicyVersionRow {
  @PrimaryColumn(keyColumn('policy_id')) policyId!: string;
  @PrimaryColumn(keyColumn('version')) version!: string;
  @Column(textColumn('institution_id')) institutionId!: string;
  @Column(textColumn('program_id', true)) programId!: string | null;
  @Column(textColumn('effective_from')) effectiveFrom!: string;
  /** Exclusive; null = open-ended; set when a later version supersedes this one. */
  @Column(textColumn('effective_to', true)) effectiveTo!: string | null;
  @Column(textColumn('conversion_table_id')) conversionTableId!: string;
  @Column(textColumn('published_on')) publishedOn!: string;
  @Column(positionColumn('position')) position!: number;
}
