import { AutoAwardTemplate } from '../domain/credential-definition.events';
import { AssessmentType, CreditUnit, CredentialType, Grade, ParticipationForm, Stackability } from '../domain/records.values';

/** What the HTTP bodies carry (validated by the DTO schemas); handlers add ids, actor and context. */
export interface CourseInput {
  title: string;
  credits: string;
  unit: CreditUnit;
  eqfLevel: number;
  field: string;
  tags?: string[];
  assessmentType: AssessmentType;
}

/** `occurredAt` (every input but a course's): when the fact happened, if not now; see @app/event-store occurred-at.ts. */
export interface RegisterLearnerInput {
  externalRef?: string;
  occurredAt?: string;
}

export interface EnrollmentInput {
  courseId: string;
  term?: string;
  enrolledOn: string;
  occurredAt?: string;
}

export interface CompletionInput {
  courseId: string;
  enrollmentId?: string;
  credits?: string;
  unit?: CreditUnit;
  eqfLevel?: number;
  field?: string;
  assessmentType?: AssessmentType;
  grade: Grade;
  identityVerified: boolean;
  completedOn: string;
  inResidence?: boolean;
  occurredAt?: string;
}

export interface CorrectionInput {
  grade: Grade;
  reason: string;
  occurredAt?: string;
}

export interface WithdrawalInput {
  reason: string;
  occurredAt?: string;
}

export interface CredentialInput {
  type: CredentialType;
  code?: string;
  title: string;
  issuedOn?: string;
  learningOutcomes: string[];
  workload: { credits: string; unit: CreditUnit };
  eqfLevel: number;
  assessmentType: AssessmentType;
  participation: ParticipationForm;
  qualityAssurance: string;
  prerequisites?: string[];
  identityVerified?: boolean;
  grade?: Grade;
  stackability?: Stackability;
  furtherInformation?: string;
  completionIds: string[];
  complete: boolean;
  /** The version of the code's credential definition the award is under (default: the latest). */
  definitionVersion?: string;
  occurredAt?: string;
}

export interface CredentialDefinitionInput {
  version: string;
  title: string;
  type: CredentialType;
  components: { courseId: string; minGrade?: Grade }[];
  /** Award automatically when a learner completes it: what the award states beyond the definition. */
  autoAward?: AutoAwardTemplate;
}

export interface RevocationInput {
  reason: string;
  occurredAt?: string;
}
