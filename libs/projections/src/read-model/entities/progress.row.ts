import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { boolColumn, positionColumn, textColumn, keyColumn } from '../columns';

/**
 * Program progress of a learner toward a program (for every learner admitted to it or with a
 * request toward it): the engine's result and explanation and the residency outcome, re-evaluated
 * whenever an input changes (the learner's record, a program or policy version, an admission).
 */
@Entity('rm_progress')
export class ProgressRow {
  @PrimaryColumn(keyColumn('learner_id')) learnerId!: string;
  @PrimaryColumn(keyColumn('program_id')) programId!: string;
  @Index('rm_progress_institution') @Column(textColumn('institution_id')) institutionId!: string;
  /** evaluated | program-unknown | learner-unknown */
  @Column(textColumn('status')) status!: string;
  @Column(textColumn('program_version', true)) programVersion!: string | null;
  @Column(textColumn('policy_id', true)) policyId!: string | null;
  @Column(textColumn('policy_version', true)) policyVersion!: string | null;
  /** The date the evaluation is as of: the day the last of its inputs was recorded. */
  @Column(textColumn('reference_date', true)) referenceDate!: string | null;
  @Column(textColumn('result', true)) result!: string | null;
  @Column(boolColumn('requirements_satisfied', true)) requirementsSatisfied!: boolean | null;
  @Column(textColumn('residency_outcome', true)) residencyOutcome!: string | null;
  /** The highest global position among the events it was evaluated from (order-independent). */
  @Column(positionColumn('inputs_position')) inputsPosition!: number;
  /** The eligibility answer, canonical JSON (null unless evaluated). */
  @Column(textColumn('answer', true)) answer!: string | null;
}
