import { DomainEvent } from '@app/kernel';
import { CredentialType, Grade } from './records.values';

/** One component of a credential program: a course of the issuer, with the minimum grade its completion needs (null: passed). */
export type CredentialComponent = {
  courseId: string;
  /** The course's title when the version was published (the event describes itself). */
  courseTitle: string;
  minGrade: Grade | null;
};

/** One published version of what a credential program requires. Immutable once published. */
export type CredentialDefinitionVersion = {
  version: string;
  title: string;
  type: CredentialType;
  components: CredentialComponent[];
  /** YYYY-MM-DD. */
  publishedOn: string;
};

/**
 * Stream `credentialdef-<code>`: an issuer publishes what its credential program (a MicroMasters,
 * an XSeries...) requires: the component courses of that issuer, each with an optional minimum grade.
 * Awarding a complete credential with this code is checked against a version of it.
 */
export type CredentialDefinitionPublished = DomainEvent<'CredentialDefinitionPublished', { code: string; issuerId: string } & CredentialDefinitionVersion>;

export type CredentialDefinitionEvent = CredentialDefinitionPublished;
export const CREDENTIAL_DEFINITION_EVENT_TYPES = ['CredentialDefinitionPublished'] as const;
