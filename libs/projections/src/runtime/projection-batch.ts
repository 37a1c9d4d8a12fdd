import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@app/event-store';
import { EMPTY_LEARNER_RECORD, LearnerRecord, learnerIdOfStream } from '@app/records';
import { initialLearnerExceptionsState, initialTransferRequestState, LearnerExceptionsState, policyDecider, PolicyState, programDecider, ProgramState, TransferRequestState } from '@app/transfer';
import { AdmissionRow, HistoryRow, HistorySubjectRow, LearnerExceptionsRow, LearnerRow, PolicyRow, PolicyVersionRow, ProgramRow, ProgramVersionRow, RequestRow } from '../read-model/entities';
import { bulkWrite } from './bulk-write';
import { RowCache } from './row-cache';
import { StateRowCache } from './state-cache';

const TRANSFER_STREAM_PREFIX = 'transfer-';
const pairKey = (learnerId: string, programId: string) => `${learnerId}\u0000${programId}`;

/** A learner toward a program of a receiving institution: the key of a progress row. */
export interface ProgressPair {
  learnerId: string;
  programId: string;
  institutionId: string;
}

/**
 * One transaction's worth of events: the rows they read and change (cached, written once at the
 * end), and what the end of the batch must re-derive: the progress rows whose inputs changed and
 * the ledger rows of requests whose decisions changed.
 */
export class ProjectionBatch {
  readonly learners = new StateRowCache<LearnerRow, LearnerRecord>(LearnerRow, (r) => r.learnerId, 'record', EMPTY_LEARNER_RECORD);
  readonly programs = new StateRowCache<ProgramRow, ProgramState>(ProgramRow, (r) => r.programId, 'state', programDecider.initialState);
  readonly policies = new StateRowCache<PolicyRow, PolicyState>(PolicyRow, (r) => r.policyId, 'state', policyDecider.initialState);
  readonly requests = new StateRowCache<RequestRow, TransferRequestState>(RequestRow, (r) => r.requestId, 'state', initialTransferRequestState);
  readonly programVersions = new RowCache(ProgramVersionRow, (r) => `${r.programId}\u0000${r.version}`);
  readonly policyVersions = new RowCache(PolicyVersionRow, (r) => `${r.policyId}\u0000${r.version}`);
  readonly admissions = new RowCache(AdmissionRow, (r) => `${r.institutionId}\u0000${r.learnerId}\u0000${r.programId}`);
  readonly learnerExceptions = new StateRowCache<LearnerExceptionsRow, LearnerExceptionsState>(
    LearnerExceptionsRow, (r) => `${r.learnerId}\u0000${r.institutionId}`, 'state', initialLearnerExceptionsState,
  );

  /** Inputs changed in this batch: progress rows depending on them are re-evaluated at its end. */
  readonly changedLearners = new Set<string>();
  readonly changedPrograms = new Set<string>();
  readonly changedInstitutions = new Set<string>();
  readonly newPairs = new Map<string, ProgressPair>();
  /** Requests whose decisions in force changed (and the event that changed them): their ledger rows are rewritten. */
  readonly ledgerRequests = new Map<string, { position: number; on: string }>();
  /** Audit history index rows of this batch's events (inserted at flush; never updated). */
  readonly history: HistoryRow[] = [];
  readonly historySubjects: HistorySubjectRow[] = [];
  /** Highest global position applied in this batch. */
  lastPosition = -1;
  events = 0;

  constructor(readonly manager: EntityManager) {}

  /** Loads the learner and request rows the events will read, a few `IN` queries instead of one query per stream. */
  async preload(events: readonly RecordedEvent[]): Promise<void> {
    const learners = new Set<string>();
    const requests = new Set<string>();
    for (const event of events) {
      const learnerId = learnerIdOfStream(event.stream);
      if (learnerId !== null) learners.add(learnerId);
      else if (event.stream.startsWith(TRANSFER_STREAM_PREFIX)) requests.add(event.stream.slice(TRANSFER_STREAM_PREFIX.length));
    }
    await this.learners.preload(this.manager, 'learnerId', learners);
    await this.requests.preload(this.manager, 'requestId', requests);
  }

  pair(pair: ProgressPair): void {
    this.newPairs.set(pairKey(pair.learnerId, pair.programId), pair);
  }

  /** Writes every cached row that changed (the projectors' direct effects). */
  async flushRows(): Promise<void> {
    for (const cache of [this.learners, this.programs, this.policies, this.requests, this.programVersions, this.policyVersions, this.admissions, this.learnerExceptions]) {
      await cache.flush(this.manager);
    }
    // Append-only: a row already there (same key) is left as it is.
    await bulkWrite(this.manager, HistoryRow, this.history, 'ignore');
    await bulkWrite(this.manager, HistorySubjectRow, this.historySubjects, 'ignore');
  }
}
