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

export interface RegisterLearnerInput {
  externalRef?: string;
}

export interface EnrollmentInput {
  courseId: string;
  term?: string;
  enrolledOn: string;
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
}

export interface CorrectionInput {
  grade: Grade;
  reason: string;
}

export interface WithdrawalInput {
  reason: string;
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
}

export interface RevocationInput {
  reason: string;
}
