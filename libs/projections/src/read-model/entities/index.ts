import { AdmissionRow } from './admission.row';
import { HistorySubjectRow } from './history-subject.row';
import { HistoryRow } from './history.row';
import { InboxEntry } from './inbox-entry.entity';
import { LearnerExceptionsRow } from './learner-exceptions.row';
import { LearnerRow } from './learner.row';
import { LedgerRow } from './ledger.row';
import { PolicyVersionRow } from './policy-version.row';
import { PolicyRow } from './policy.row';
import { ProgramVersionRow } from './program-version.row';
import { ProgramRow } from './program.row';
import { ProgressRow } from './progress.row';
import { ProjectionCheckpoint } from './projection-checkpoint.entity';
import { RequestRow } from './request.row';

export { AdmissionRow, HistoryRow, HistorySubjectRow, InboxEntry, LearnerExceptionsRow, LearnerRow, LedgerRow, PolicyRow, PolicyVersionRow, ProgramRow, ProgramVersionRow, ProgressRow, ProjectionCheckpoint, RequestRow };

/** Every read-model table, in a fixed order (rebuild switch and comparisons walk it). */
export const READ_MODEL_ENTITIES = [
  ProjectionCheckpoint,
  InboxEntry,
  LearnerRow,
  ProgramRow,
  ProgramVersionRow,
  PolicyRow,
  PolicyVersionRow,
  AdmissionRow,
  LearnerExceptionsRow,
  RequestRow,
  LedgerRow,
  ProgressRow,
  HistoryRow,
  HistorySubjectRow,
] as const;

/** The projected tables (everything but the checkpoint and inbox bookkeeping). */
export const PROJECTED_ENTITIES = READ_MODEL_ENTITIES.filter((e) => e !== ProjectionCheckpoint && e !== InboxEntry);
