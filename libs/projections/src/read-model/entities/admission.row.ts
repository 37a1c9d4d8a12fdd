import { Column, Entity, PrimaryColumn } from 'typeorm';
import { positionColumn, textColumn, keyColumn } from '../columns';

/** A learner admitted to a program of a receiving institution (the admission gate). */
@Entity('rm_admissions')
export class AdmissionRow {
  @PrimaryColumn(keyColumn('institution_id')) institutionId!: string;
  @PrimaryColumn(keyColumn('learner_id')) learnerId!: string;
  @PrimaryColumn(keyColumn('program_id')) programId!: string;
  @Column(textColumn('decided_on')) decidedOn!: string;
  @Column(textColumn('event_id')) eventId!: string;
  @Column(positionColumn('position')) position!: number;
  @Column(textColumn('recorded_at')) recordedAt!: string;
}
