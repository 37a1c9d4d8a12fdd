import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { positionColumn, textColumn, keyColumn } from '../columns';

/** A program (all its versions): the transfer context's ProgramState, and the latest version. */
@Entity('rm_programs')
export class ProgramRow {
  @PrimaryColumn(keyColumn('program_id')) programId!: string;
  @Index('rm_programs_institution') @Column(textColumn('institution_id')) institutionId!: string;
  @Column(textColumn('latest_version')) latestVersion!: string;
  /** ProgramState, canonical JSON. */
  @Column(textColumn('state')) state!: string;
  @Column(positionColumn('last_position')) lastPosition!: number;
  @Column(textColumn('last_recorded_at')) lastRecordedAt!: string;
}
