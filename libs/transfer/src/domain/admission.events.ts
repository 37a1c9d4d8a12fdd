import { DomainEvent } from '@app/kernel';

/** A receiving institution admitted a learner to one of its programs (the admission gate). */
export type LearnerAdmitted = DomainEvent<
  'LearnerAdmitted',
  { institutionId: string; learnerId: string; programId: string; decidedOn: string }
>;

export type AdmissionEvent = LearnerAdmitted;
