import { DomainEvent } from '@app/kernel';
import { AssessmentType, CreditUnit, CredentialType, Grade, ParticipationForm } from './records.values';

/** One component of a credential program: a course of the issuer, with the minimum grade its completion needs (null: passed). */
export type CredentialComponent = {
  courseId: string;
  /** The course's title when the version was published (the event describes itself). */
  courseTitle: string;
  minGrade: Grade | null;
};

/**
 * What an automatic award states that the definition does not: the EU mandatory elements of the
 * credential (its title and type are the definition version's). Set on a version, it marks the
 * version `autoAward`: recording the completion that completes it awards the credential.
 */
export type AutoAwardTemplate = {
  learningOutcomes: string[];
  workload: { credits: string; unit: CreditUnit };
  eqfLevel: number;
  assessmentType: AssessmentType;
  participation: ParticipationForm;
  qualityAssurance: string;
};

/** One published version of what a credential program requires. Immutable once published. */
export type CredentialDefinitionVersion = {
  version: string;
  title: string;
  type: CredentialType;
  components: CredentialComponent[];
  /** YYYY-MM-DD. */
  publishedOn: string;
  /** Award automatically when a learner's completions complete this version (absent or null: only on request). */
  autoAward?: AutoAwardTemplate | null;
};

/**
 * Stream `credentialdef-<code>`: an issuer publishes what its credential program (a MicroMasters,
 * an XSeries...) requires: the component courses of that issuer, each with an optional minimum grade.
 * Awarding a complete credential with this code is checked against a version of it.
 */
export type CredentialDefinitionPublished = DomainEvent<'CredentialDefinitionPublished', { code: string; issuerId: string } & CredentialDefinitionVersion>;

export type CredentialDefinitionEvent = CredentialDefinitionPublished;
export const CREDENTIAL_DEFINITION_EVENT_TYPES = ['CredentialDefinitionPublished'] as const;
