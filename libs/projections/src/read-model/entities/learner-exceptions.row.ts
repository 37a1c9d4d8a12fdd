import { Column, Entity, PrimaryColumn } from 'typeorm';
import { keyColumn, positionColumn, textColumn } from '../columns';

/**
 * The exceptions a receiving institution granted a learner outside any request (stream
 * `exceptions-<institution>-<learner>`): the transfer context's LearnerExceptionsState. Keyed by
 * learner first: eligibility reads a learner's rows (then keeps the program's institution's).
 */
@Entity('rm_learner_exceptions')
export class LearnerExceptionsRow {
  @PrimaryColumn(keyColumn('learner_id')) learnerId!: string;
  @PrimaryColumn(keyColumn('institution_id')) institutionId!: string;
  /** LearnerExceptionsState, canonical JSON. */
  @Column(textColumn('state')) state!: string;
  @Column(positionColumn('last_position')) lastPosition!: number;
  @Column(textColumn('last_recorded_at')) lastRecordedAt!: string;
}
