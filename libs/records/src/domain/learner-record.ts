import { CompletionData, CredentialData, LearnerEvent } from './learner.events';
import { LEARNER_EVENT_TYPES } from './learner.events';
import { Grade } from './records.values';
import { PresentedCredentialView, presentedViewOf } from './presented-credential-view';

/** Where a fact came from in the store, when the folded events carry it (RecordedEvent does). */
export type EvidenceRef = { eventId: string | null; position: number | null };

export type EnrollmentView = {
  enrollmentId: string;
  courseId: string;
  issuerId: string;
  courseTitle: string;
  term: string | null;
  enrolledOn: string;
};

export type GradeCorrection = { previousGrade: Grade; grade: Grade; reason: string; correctedOn: string; evidence: EvidenceRef };

export type CompletionWithdrawal = { reason: string; withdrawnOn: string; evidence: EvidenceRef };

/** A completion as it stands now: `grade` is the latest (after regrades); `originalGrade` as first recorded. */
export type CompletionView = CompletionData & {
  originalGrade: Grade;
  corrections: GradeCorrection[];
  /** The credentials whose stack holds this completion (revoked ones included, marked). */
  credentials: { credentialId: string; type: string; code: string | null; complete: boolean; revoked: boolean }[];
  /**
   * Set once its issuer withdrew it (recorded in error): it is then evidence of nothing. Rows
   * folded before withdrawals existed lack the field: read it with `isWithdrawn`.
   */
  withdrawal: CompletionWithdrawal | null;
  evidence: EvidenceRef;
};

export type CredentialView = CredentialData & {
  revoked: boolean;
  revocation: { reason: string; revokedOn: string; evidence: EvidenceRef } | null;
  /** Completions of the stack as awarded that their issuer withdrew since (no longer in `completionIds`). */
  withdrawnCompletionIds: string[];
  evidence: EvidenceRef;
};

/** Was the completion withdrawn by its issuer? (False for a view folded before withdrawals existed.) */
export const isWithdrawn = (completion: Pick<CompletionView, 'withdrawal'>): boolean => Boolean(completion.withdrawal);

/** A learner's record: the decider's state and the evidence the transfer context reads. */
export type LearnerRecord = {
  learnerId: string | null;
  registered: boolean;
  registeredBy: string | null;
  externalRefHash: string | null;
  enrollments: EnrollmentView[];
  completions: CompletionView[];
  credentials: CredentialView[];
  /** Signed credentials presented and verified (absent on rows folded before they existed: read with presentedCredentialsOf). */
  verifiableCredentials?: PresentedCredentialView[];
};

export const EMPTY_LEARNER_RECORD: LearnerRecord = {
  learnerId: null,
  registered: false,
  registeredBy: null,
  externalRefHash: null,
  enrollments: [],
  completions: [],
  credentials: [],
  verifiableCredentials: [],
};

/** Anything shaped like an event; `id` and `position` (as on a RecordedEvent) become evidence refs. */
export type EventLike = { type: string; data: unknown; id?: string; position?: number };

/**
 * `{ ...base, ...added }`: the same keys in the same order (base's, then the added ones it lacks),
 * built with Object.assign. On Node 20's V8 an object literal that spreads an object and then adds
 * keys the spread object lacks takes ~10x longer (about 14 us for a completion, measured on the
 * projection rebuild), which made folding completions the costliest step of a learner's projection.
 */
const withAdded = <Base extends object, Added extends object>(base: Base, added: Added): Base & Added => Object.assign({}, base, added);

/** Is this stored event one of the learner aggregate's (its data then has that type's shape)? */
export const isLearnerEvent = (event: EventLike): event is LearnerEvent & EventLike =>
  (LEARNER_EVENT_TYPES as readonly string[]).includes(event.type);

/** One step of the fold. Events of other types leave the record as it is. */
export function evolveLearnerRecord(record: LearnerRecord, event: EventLike): LearnerRecord {
  if (!isLearnerEvent(event)) return record;
  const evidence: EvidenceRef = { eventId: event.id ?? null, position: event.position ?? null };
  switch (event.type) {
    case 'LearnerRegistered':
      return { ...record, learnerId: event.data.learnerId, registered: true, registeredBy: event.data.registeredBy, externalRefHash: event.data.externalRefHash };
    case 'EnrollmentRecorded': {
      const { learnerId: _l, ...enrollment } = event.data;
      return { ...record, enrollments: [...record.enrollments, enrollment] };
    }
    case 'CompletionRecorded': {
      const completion: CompletionView = withAdded(event.data, { tags: [...event.data.tags], originalGrade: event.data.grade, corrections: [], credentials: [], withdrawal: null, evidence });
      return { ...record, completions: [...record.completions, completion] };
    }
    case 'CompletionCorrected': {
      const { previousGrade, grade, reason, correctedOn } = event.data;
      return mapCompletions(record, (c) =>
        c.completionId === event.data.completionId ? { ...c, grade, corrections: [...c.corrections, { previousGrade, grade, reason, correctedOn, evidence }] } : c,
      );
    }
    case 'CompletionWithdrawn': {
      const { completionId, reason, withdrawnOn } = event.data;
      const withdrawn = mapCompletions(record, (c) => (c.completionId === completionId ? { ...c, withdrawal: { reason, withdrawnOn, evidence } } : c));
      // The credentials' stacks as they stand now: without it (`?? []`: views folded before withdrawals existed).
      const credentials = withdrawn.credentials.map((k) =>
        k.completionIds.includes(completionId)
          ? { ...k, completionIds: k.completionIds.filter((id) => id !== completionId), withdrawnCompletionIds: [...(k.withdrawnCompletionIds ?? []), completionId] }
          : k,
      );
      return { ...withdrawn, credentials };
    }
    case 'MicroCredentialAwarded': {
      const credential: CredentialView = withAdded(event.data, { revoked: false, revocation: null, withdrawnCompletionIds: [], evidence });
      if (credential.definition === undefined) credential.definition = null; // awarded before credential definitions
      const ref = { credentialId: credential.credentialId, type: credential.type, code: credential.code, complete: credential.complete, revoked: false };
      const withCredential = { ...record, credentials: [...record.credentials, credential] };
      return mapCompletions(withCredential, (c) => (credential.completionIds.includes(c.completionId) ? { ...c, credentials: [...c.credentials, ref] } : c));
    }
    case 'MicroCredentialRevoked': {
      const { credentialId, reason, revokedOn } = event.data;
      const credentials = record.credentials.map((c) => (c.credentialId === credentialId ? { ...c, revoked: true, revocation: { reason, revokedOn, evidence } } : c));
      return mapCompletions({ ...record, credentials }, (c) =>
        c.credentials.some((ref) => ref.credentialId === credentialId)
          ? { ...c, credentials: c.credentials.map((ref) => (ref.credentialId === credentialId ? { ...ref, revoked: true } : ref)) }
          : c,
      );
    }
    case 'VerifiableCredentialPresented':
      return { ...record, verifiableCredentials: [...(record.verifiableCredentials ?? []), presentedViewOf(event.data, evidence)] };
    case 'VerifiableCredentialRechecked':
      return recheck(record, event.data, evidence);
  }
}

function recheck(record: LearnerRecord, data: Extract<LearnerEvent, { type: 'VerifiableCredentialRechecked' }>['data'], evidence: EvidenceRef): LearnerRecord {
  const verifiableCredentials = (record.verifiableCredentials ?? []).map((c) =>
    c.vcId === data.vcId
      ? {
          ...c,
          status: data.status,
          statusList: data.statusList ?? c.statusList,
          revoked: c.revoked || data.status === 'revoked' || data.status === 'suspended',
          rechecks: [...c.rechecks, { recheckedOn: data.recheckedOn, status: data.status, evidence }],
        }
      : c,
  );
  return { ...record, verifiableCredentials };
}

function mapCompletions(record: LearnerRecord, f: (c: CompletionView) => CompletionView): LearnerRecord {
  return { ...record, completions: record.completions.map(f) };
}

/**
 * The pure fold the transfer context uses: a learner's current completions (grades after
 * regrades, with the credentials each belongs to) and credentials (revoked ones marked), from the
 * events of the learner's stream in order. Accepts RecordedEvents as they come from the store
 * (their id and position are kept as evidence refs) and ignores events of other types.
 */
export function learnerRecordOf(events: Iterable<EventLike>): LearnerRecord {
  let record = EMPTY_LEARNER_RECORD;
  for (const event of events) record = evolveLearnerRecord(record, event);
  return record;
}

export const completionOf = (record: LearnerRecord, completionId: string): CompletionView | undefined =>
  record.completions.find((c) => c.completionId === completionId);

export const credentialOf = (record: LearnerRecord, credentialId: string): CredentialView | undefined =>
  record.credentials.find((c) => c.credentialId === credentialId);

export const enrollmentOf = (record: LearnerRecord, enrollmentId: string): EnrollmentView | undefined =>
  record.enrollments.find((e) => e.enrollmentId === enrollmentId);
