import { Decider, own, refuse } from '@app/kernel';
import { ActorRef, assertDate, assertRegistrarOf } from './actor';
import { AdmissionEvent } from './admission.events';

export interface AdmitLearner {
  kind: 'AdmitLearner';
  actor: ActorRef;
  institutionId: string;
  learnerId: string;
  programId: string;
  /** The admission decision date, YYYY-MM-DD. */
  decidedOn: string;
  /** Checked by the application layer: the program exists and belongs to the institution. */
  programOwnedByInstitution: boolean;
  /** Checked by the application layer: the learner is registered in the records context. */
  learnerRegistered: boolean;
}
export type AdmissionCommand = AdmitLearner;

/** Stream `admission-<institutionId>-<learnerId>`: the programs this learner is admitted to. */
export interface AdmissionState {
  admissions: Record<string, { decidedOn: string }>;
}

export const admissionDecider: Decider<AdmissionCommand, AdmissionState, AdmissionEvent> = {
  initialState: { admissions: {} },

  decide(command, state) {
    assertRegistrarOf(command.actor, command.institutionId, 'admit learners');
    assertDate(command.decidedOn, '/decidedOn');
    if (!command.programOwnedByInstitution) {
      throw refuse.notFound('program-not-found', `program ${command.programId} is not a program of ${command.institutionId}`);
    }
    if (!command.learnerRegistered) throw refuse.notFound('learner-not-found', `learner ${command.learnerId} is not registered`);
    if (own(state.admissions, command.programId)) {
      throw refuse.conflict('already-admitted', `learner ${command.learnerId} is already admitted to ${command.programId}`);
    }
    const { institutionId, learnerId, programId, decidedOn } = command;
    return [{ type: 'LearnerAdmitted', data: { institutionId, learnerId, programId, decidedOn } }];
  },

  evolve(state, event) {
    return { admissions: { ...state.admissions, [event.data.programId]: { decidedOn: event.data.decidedOn } } };
  },
};

/** Admitted to the program on or before the date. */
export const isAdmittedOn = (state: AdmissionState, programId: string, date: string): boolean => {
  const admission = own(state.admissions, programId);
  return admission !== undefined && admission.decidedOn <= date;
};
