import type { JsonObject } from './verifiable-credential.values';
import { CourseDefinition } from './course.events';
import { CredentialDefinitionState } from './credential-definition.decider';
import { CredentialVerification } from './verifiable-credential.values';
import { ActorRef, AssessmentType, CreditUnit, CredentialType, Grade, ParticipationForm, Stackability, Workload } from './records.values';

/**
 * Commands of the learner aggregate. The application layer fills in what the decider cannot
 * know by itself: generated ids, the actor, the course's current definition (null when the
 * course does not exist), the awarding body's registered name and country, today's date.
 */
export type RegisterLearner = { kind: 'RegisterLearner'; learnerId: string; actor: ActorRef; externalRefHash: string | null };

export type RecordEnrollment = {
  kind: 'RecordEnrollment';
  learnerId: string;
  enrollmentId: string;
  actor: ActorRef;
  courseId: string;
  course: CourseDefinition | null;
  term: string | null;
  enrolledOn: string;
};

export type RecordCompletion = {
  kind: 'RecordCompletion';
  learnerId: string;
  completionId: string;
  actor: ActorRef;
  courseId: string;
  course: CourseDefinition | null;
  enrollmentId?: string | null;
  /** Defaults: the course's credits, unit, level, field and assessment type. */
  credits?: string;
  unit?: CreditUnit;
  eqfLevel?: number;
  field?: string;
  assessmentType?: AssessmentType;
  grade: Grade;
  identityVerified: boolean;
  completedOn: string;
  /** Default false. */
  inResidence?: boolean;
  /**
   * From the application layer: the credential programs of the course's issuer that have this
   * course as a component, for the decider to award those marked autoAward that this completion
   * completes (auto-award.ts). Absent: none.
   */
  autoAwards?: AutoAwardCandidate[];
};

/** A credential program an auto-award may be made under, with what the award needs from outside the record. */
export type AutoAwardCandidate = {
  code: string;
  definition: CredentialDefinitionState;
  /** The id the award gets (deterministic under the request's Idempotency-Key). */
  credentialId: string;
  /** The awarding institution's registered name and country. */
  awardingBody: string;
  country: string;
  /** The template's workload with its ECTS equivalent. */
  workload: Workload;
};

export type CorrectCompletion = {
  kind: 'CorrectCompletion';
  learnerId: string;
  completionId: string;
  actor: ActorRef;
  grade: Grade;
  reason: string;
  correctedOn: string;
};

/** Withdraw a completion recorded in error (only its issuer; the reason is kept). */
export type WithdrawCompletion = {
  kind: 'WithdrawCompletion';
  learnerId: string;
  completionId: string;
  actor: ActorRef;
  reason: string;
  withdrawnOn: string;
};

export type AwardCredential = {
  kind: 'AwardCredential';
  learnerId: string;
  credentialId: string;
  actor: ActorRef;
  /** From the access registry: the awarding institution's registered name and country. */
  awardingBody: string;
  country: string;
  type: CredentialType;
  code?: string | null;
  title: string;
  issuedOn: string;
  learningOutcomes: string[];
  workload: Workload;
  eqfLevel: number;
  assessmentType: AssessmentType;
  participation: ParticipationForm;
  qualityAssurance: string;
  prerequisites?: string[];
  /** Default: true when every completion of the stack was identity-verified. */
  identityVerified?: boolean;
  grade?: Grade | null;
  stackability?: Stackability;
  furtherInformation?: string | null;
  completionIds: string[];
  complete: boolean;
  /** From the application layer: the published definition of `code` (null or absent: none). */
  definition?: CredentialDefinitionState | null;
  /** The definition version the award is under (default: the latest published). */
  definitionVersion?: string | null;
};

export type RevokeCredential = {
  kind: 'RevokeCredential';
  learnerId: string;
  credentialId: string;
  actor: ActorRef;
  reason: string;
  revokedOn: string;
};

/** A signed credential the learner holds, with the verifier's answer (the application layer verifies). */
export type PresentVerifiableCredential = {
  kind: 'PresentVerifiableCredential';
  learnerId: string;
  vcId: string;
  actor: ActorRef;
  document: JsonObject | string;
  digest: string;
  verification: CredentialVerification;
  referenceDate: string;
  presentedOn: string;
};

/** The status of a presented credential checked again, against a newer status list. */
export type RecheckVerifiableCredential = {
  kind: 'RecheckVerifiableCredential';
  learnerId: string;
  vcId: string;
  actor: ActorRef;
  verification: CredentialVerification;
  recheckedOn: string;
};

export type LearnerCommand =
  | RegisterLearner
  | RecordEnrollment
  | RecordCompletion
  | CorrectCompletion
  | WithdrawCompletion
  | AwardCredential
  | RevokeCredential
  | PresentVerifiableCredential
  | RecheckVerifiableCredential;
