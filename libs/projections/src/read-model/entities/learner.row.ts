import { Column, Entity, PrimaryColumn } from 'typeorm';
import { intColumn, positionColumn, textColumn, keyColumn } from '../columns';

/** A learner's folded record (completions, regrades, credentials, revocations) as the engine reads it. */
@Entity('rm_learners')
export class LearnerRow {
  @PrimaryColumn(keyColumn('learner_id')) learnerId!: string;
  /** LearnerRecord (records context), canonical JSON. */
  @Column(textColumn('record')) record!: string;
  @Column(intColumn('revision')) revision!: number;
  @Column(positionColumn('last_position')) lastPosition!: number;
  @Column(textColumn('last_recorded_at')) lastRecordedAt!: string;
}
