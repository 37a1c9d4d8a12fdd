import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { intColumn, positionColumn, textColumn, keyColumn } from '../columns';

/** A credit-transfer request as the receiving institution's queue (and the submitter's list) shows it. */
@Entity('rm_requests')
@Index('rm_requests_queue', ['receivingInstitution', 'status', 'submittedAt'])
@Index('rm_requests_submissions', ['submitterInstitution', 'status', 'submittedAt'])
@Index('rm_requests_learner', ['learnerId', 'programId'])
@Index('rm_requests_queue_flagged', ['receivingInstitution', 'openEvidenceChanges'])
@Index('rm_requests_submissions_flagged', ['submitterInstitution', 'openEvidenceChanges'])
export class RequestRow {
  @PrimaryColumn(keyColumn('request_id')) requestId!: string;
  @Column(textColumn('receiving_institution')) receivingInstitution!: string;
  @Column(textColumn('submitter_institution')) submitterInstitution!: string;
  @Column(textColumn('learner_id')) learnerId!: string;
  @Column(textColumn('program_id')) programId!: string;
  @Column(textColumn('program_version')) programVersion!: string;
  @Column(textColumn('status')) status!: string;
  @Column(intColumn('item_count')) itemCount!: number;
  /** Credits proposed by the automatic evaluation, exact, in the policy's unit (null before it). */
  @Column(textColumn('proposed_credits', true)) proposedCredits!: string | null;
  @Column(textColumn('unit', true)) unit!: string | null;
  @Column(textColumn('submitted_on')) submittedOn!: string;
  /** recorded-at of RequestSubmitted: the age in the queue counts from it. */
  @Column(textColumn('submitted_at')) submittedAt!: string;
  @Column(textColumn('last_event_at')) lastEventAt!: string;
  @Column(positionColumn('last_position')) lastPosition!: number;
  /** Evidence changes flagged since the last decision or revision (RequestEvidenceChanged): > 0 = flagged `evidence-changed`. */
  @Column({ ...intColumn('open_evidence_changes'), default: 0 }) openEvidenceChanges!: number;
  /** TransferRequestState (transfer context), canonical JSON. */
  @Column(textColumn('state')) state!: string;
}
