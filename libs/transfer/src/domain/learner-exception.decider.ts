import { Decider, refuse } from '@app/kernel';
import { ActorRef, assertDate, assertRegistrarOf } from './actor';
import { LearnerExceptionEvent } from './learner-exception.events';

/** The program facts a learner-exception command is checked against (read by the application layer). */
export interface ProgramFacts {
  /** The program exists and belongs to the registrar's institution. */
  ownedByInstitution: boolean;
  /** Rule paths of the named version; null when the program has no such version. */
  rulePaths: string[] | null;
}

export interface GrantLearnerException {
  kind: 'GrantLearnerException';
  actor: ActorRef;
  institutionId: string;
  learnerId: string;
  exceptionId: string;
  programId: string;
  programVersion: string;
  exceptionKind: 'waive' | 'substitute';
  rulePath: string;
  itemId: string | null;
  reason: string;
  grantedOn: string;
  program: ProgramFacts;
  /** Checked by the application layer: the learner is registered in the records context. */
  learnerRegistered: boolean;
  /** The learner's evidence items (`completion:<id>`, `credential:<id>`), read by the application layer: a substitution names one. */
  learnerItemIds: string[];
}

export interface CarryLearnerExceptionForward {
  kind: 'CarryLearnerExceptionForward';
  actor: ActorRef;
  institutionId: string;
  learnerId: string;
  exceptionId: string;
  toVersion: string;
  carriedOn: string;
  /** The facts of the exception's program at `toVersion` (ownedByInstitution false when the exception is unknown). */
  program: ProgramFacts;
}

export interface RevokeLearnerException {
  kind: 'RevokeLearnerException';
  actor: ActorRef;
  institutionId: string;
  learnerId: string;
  exceptionId: string;
  reason: string;
  revokedOn: string;
}

export type LearnerExceptionCommand = GrantLearnerException | CarryLearnerExceptionForward | RevokeLearnerException;

/** One exception as its stream folds it: the program versions it is bound to (granted, then carried forward), and whether it is revoked. */
export interface LearnerExceptionRecord {
  exceptionId: string;
  programId: string;
  kind: 'waive' | 'substitute';
  rulePath: string;
  itemId: string | null;
  reason: string;
  grantedOn: string;
  /** The version granted for first, then each version it was carried forward to, in order. */
  versions: string[];
  revoked: { on: string; reason: string } | null;
}

/** Stream `exceptions-<institutionId>-<learnerId>`: the exceptions a receiving institution granted a learner, in grant order. */
export interface LearnerExceptionsState {
  exceptions: LearnerExceptionRecord[];
}

export const initialLearnerExceptionsState: LearnerExceptionsState = { exceptions: [] };

type State = LearnerExceptionsState;

/**
 * Exceptions granted to a learner, not on a request: granted for one program version (its rule
 * path must exist there), carried forward explicitly to another version (the path must exist
 * there too), revoked. Refusals: 403 not a registrar of the institution, 404 unknown program,
 * learner or exception, 400 unknown version or rule path (with its pointer), 409 a duplicate
 * exception, an exception already bound to the version, or already revoked.
 */
export const learnerExceptionDecider: Decider<LearnerExceptionCommand, State, LearnerExceptionEvent> = {
  initialState: initialLearnerExceptionsState,
  evolve: evolveLearnerExceptions,
  decide(command, state) {
    assertRegistrarOf(command.actor, command.institutionId, 'grant, carry forward or revoke exceptions for its programs');
    switch (command.kind) {
      case 'GrantLearnerException':
        return grant(command, state);
      case 'CarryLearnerExceptionForward':
        return carryForward(command, state);
      case 'RevokeLearnerException':
        return revoke(command, state);
    }
  },
};

function grant(c: GrantLearnerException, state: State): LearnerExceptionEvent[] {
  assertDate(c.grantedOn, '/grantedOn');
  if (!c.program.ownedByInstitution) throw refuse.notFound('program-not-found', `program ${c.programId} is not a program of ${c.institutionId}`);
  if (!c.learnerRegistered) throw refuse.notFound('learner-not-found', `learner ${c.learnerId} is not registered`);
  if (c.program.rulePaths === null) throw refuse.invalid('unknown-program-version', `program ${c.programId} has no version ${c.programVersion}`, '/programVersion');
  if (!c.program.rulePaths.includes(c.rulePath)) {
    throw refuse.invalid('unknown-rule-path', `program ${c.programId}@${c.programVersion} has no rule "${c.rulePath}"`, '/rulePath');
  }
  if (c.exceptionKind === 'substitute' && c.itemId === null) throw refuse.invalid('substitute-needs-item', 'a substitution names the item that counts toward the rule', '/itemId');
  if (c.exceptionKind === 'substitute' && c.itemId !== null && !c.learnerItemIds.includes(c.itemId)) {
    throw refuse.invalid('substitute-item-not-held', `learner ${c.learnerId} has no completion or credential "${c.itemId}"`, '/itemId');
  }
  if (c.exceptionKind === 'waive' && c.itemId !== null) throw refuse.invalid('waiver-takes-no-item', 'a waiver names no item', '/itemId');
  if (state.exceptions.some((x) => x.exceptionId === c.exceptionId)) throw refuse.conflict('exception-exists', `exception ${c.exceptionId} already exists`);
  const same = state.exceptions.find(
    (x) => !x.revoked && x.programId === c.programId && x.versions.includes(c.programVersion) && x.rulePath === c.rulePath && x.kind === c.exceptionKind && x.itemId === c.itemId,
  );
  if (same) throw refuse.conflict('exception-exists', `a ${c.exceptionKind} on ${c.rulePath} of ${c.programId}@${c.programVersion} is already granted (${same.exceptionId})`);
  const { institutionId, learnerId, exceptionId, programId, programVersion, rulePath, itemId, reason, grantedOn } = c;
  return [{ type: 'LearnerExceptionGranted', data: { institutionId, learnerId, exceptionId, kind: c.exceptionKind, rulePath, programId, programVersion, itemId, reason, grantedOn } }];
}

function carryForward(c: CarryLearnerExceptionForward, state: State): LearnerExceptionEvent[] {
  assertDate(c.carriedOn, '/carriedOn');
  const x = inForce(state, c.exceptionId, 'carry forward');
  if (x.versions.includes(c.toVersion)) throw refuse.conflict('already-bound-to-version', `exception ${x.exceptionId} already applies to ${x.programId}@${c.toVersion}`);
  if (c.program.rulePaths === null) throw refuse.invalid('unknown-program-version', `program ${x.programId} has no version ${c.toVersion}`, '/toVersion');
  if (!c.program.rulePaths.includes(x.rulePath)) {
    throw refuse.invalid('unknown-rule-path', `program ${x.programId}@${c.toVersion} has no rule "${x.rulePath}": the exception cannot apply there`, '/toVersion');
  }
  const fromVersion = x.versions[x.versions.length - 1];
  return [
    {
      type: 'LearnerExceptionCarriedForward',
      data: { institutionId: c.institutionId, learnerId: c.learnerId, exceptionId: x.exceptionId, programId: x.programId, fromVersion, toVersion: c.toVersion, carriedOn: c.carriedOn },
    },
  ];
}

function revoke(c: RevokeLearnerException, state: State): LearnerExceptionEvent[] {
  assertDate(c.revokedOn, '/revokedOn');
  const x = inForce(state, c.exceptionId, 'revoke');
  return [{ type: 'LearnerExceptionRevoked', data: { institutionId: c.institutionId, learnerId: c.learnerId, exceptionId: x.exceptionId, reason: c.reason, revokedOn: c.revokedOn } }];
}

function inForce(state: State, exceptionId: string, what: string): LearnerExceptionRecord {
  const x = state.exceptions.find((e) => e.exceptionId === exceptionId);
  if (!x) throw refuse.notFound('exception-not-found', `no exception ${exceptionId} for this learner`);
  if (x.revoked) throw refuse.conflict('exception-revoked', `exception ${exceptionId} was revoked on ${x.revoked.on}: nothing to ${what}`);
  return x;
}

export function evolveLearnerExceptions(state: State, event: LearnerExceptionEvent): State {
  switch (event.type) {
    case 'LearnerExceptionGranted': {
      const d = event.data;
      const record: LearnerExceptionRecord = {
        exceptionId: d.exceptionId, programId: d.programId, kind: d.kind, rulePath: d.rulePath, itemId: d.itemId, reason: d.reason, grantedOn: d.grantedOn, versions: [d.programVersion], revoked: null,
      };
      return { exceptions: [...state.exceptions, record] };
    }
    case 'LearnerExceptionCarriedForward':
      return { exceptions: state.exceptions.map((x) => (x.exceptionId === event.data.exceptionId ? { ...x, versions: [...x.versions, event.data.toVersion] } : x)) };
    case 'LearnerExceptionRevoked':
      return { exceptions: state.exceptions.map((x) => (x.exceptionId === event.data.exceptionId ? { ...x, revoked: { on: event.data.revokedOn, reason: event.data.reason } } : x)) };
  }
}
