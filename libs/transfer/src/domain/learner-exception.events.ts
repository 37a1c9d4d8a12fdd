import { DomainEvent } from '@app/kernel';

/**
 * A receiving institution's registrar granted a learner an exception (waive or substitute) bound to
 * a rule path of one program version, outside any transfer request (the same shape as a request's
 * ExceptionGranted, without the request). A substitution names the learner's evidence item
 * (`completion:<id>` or `credential:<id>`) that counts toward the rule.
 */
export type LearnerExceptionGranted = DomainEvent<
  'LearnerExceptionGranted',
  {
    institutionId: string;
    learnerId: string;
    exceptionId: string;
    kind: 'waive' | 'substitute';
    rulePath: string;
    programId: string;
    programVersion: string;
    /** The substituting item (substitute only). */
    itemId: string | null;
    reason: string;
    grantedOn: string;
  }
>;

/** The registrar bound an exception to another version of its program too (the rule path exists there). */
export type LearnerExceptionCarriedForward = DomainEvent<
  'LearnerExceptionCarriedForward',
  { institutionId: string; learnerId: string; exceptionId: string; programId: string; fromVersion: string; toVersion: string; carriedOn: string }
>;

/** The registrar revoked an exception: it applies under no version from then on. */
export type LearnerExceptionRevoked = DomainEvent<
  'LearnerExceptionRevoked',
  { institutionId: string; learnerId: string; exceptionId: string; reason: string; revokedOn: string }
>;

export type LearnerExceptionEvent = LearnerExceptionGranted | LearnerExceptionCarriedForward | LearnerExceptionRevoked;
