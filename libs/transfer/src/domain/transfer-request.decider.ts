import { Decider, refuse } from '@app/kernel';
import { ActorRef, assertDate, assertRegistrarOf, assertSubmitterOf } from './actor';
import { flagEvidenceChange } from './flag-evidence-change';
import { originOf } from './decision-step';
import { itemDecisionsOf } from './item-decisions';
import { revisionScope } from './revision-scope';
import { isPartyTo, REQUEST_NOT_FOUND } from './request-visibility';
import { Appeal, DecideItems, GrantException, RecordEvaluation, Revise, SubmitRequest, TransferRequestCommand, Withdraw } from './transfer-request.commands';
import { TransferRequestEvent } from './transfer-request.events';
import { evolveTransferRequest, initialTransferRequestState, isEvidenceChanged, itemsOf, TransferRequestState } from './transfer-request.state';

type State = TransferRequestState;
type Events = TransferRequestEvent[];

/**
 * The credit-transfer request: submitted -> evaluated -> decided -> (appealed -> revised)*;
 * withdrawn from submitted or evaluated. An evidence change (RequestEvidenceChanged) flags an
 * evaluated or decided request without changing its status; a flagged decided request may be
 * revised without an appeal, and the next decision or revision clears the flag. Refusals: 404
 * unknown request, or one the actor is no party to (the same answer: request-visibility.ts), 403 a
 * party whose role may not do it, 409 invalid transition, 400 bad items.
 */
export const transferRequestDecider: Decider<TransferRequestCommand, State, TransferRequestEvent> = {
  initialState: initialTransferRequestState,
  evolve: evolveTransferRequest,
  decide(command, state) {
    switch (command.kind) {
      case 'SubmitRequest':
        return submit(command, state);
      case 'RecordEvaluation':
        return recordEvaluation(command, state);
      case 'SubmitAndEvaluate': {
        const submitted = submit(command.submit, state);
        const next = submitted.reduce(evolveTransferRequest, state);
        return [...submitted, ...recordEvaluation({ kind: 'RecordEvaluation', evaluation: command.evaluation }, next)];
      }
      case 'DecideItems':
        return decideItems(command, state);
      case 'GrantException':
        return grantException(command, state);
      case 'Appeal':
        return appeal(command, state);
      case 'Revise':
        return revise(command, state);
      case 'Withdraw':
        return withdraw(command, state);
      case 'FlagEvidenceChange':
        return flagEvidenceChange(command, state);
    }
  },
};

function submit(c: SubmitRequest, state: State): Events {
  if (c.actor.role !== 'submitter') throw refuse.forbidden('not-submitter', 'only a submitter institution may submit a transfer request');
  if (state.status !== 'none') throw refuse.conflict('request-exists', `request ${c.requestId} already exists`);
  assertDate(c.submittedOn, '/submittedOn');
  if (c.items.length === 0) throw refuse.invalid('no-evidence', 'a request needs at least one completion or credential', '/evidence');
  const seen = new Set<string>();
  c.items.forEach((item) => {
    if (seen.has(item.itemId)) throw refuse.invalid('duplicate-evidence', `${item.kind} ${item.refId} is named twice`, '/evidence');
    seen.add(item.itemId);
  });
  const { requestId, learnerId, receivingInstitution, programId, programVersion, items, note, submittedOn } = c;
  return [
    {
      type: 'RequestSubmitted',
      data: { requestId, submitterInstitution: c.actor.institutionId, learnerId, receivingInstitution, programId, programVersion, items, note, submittedOn },
    },
  ];
}

function recordEvaluation(c: RecordEvaluation, state: State): Events {
  const request = existing(state);
  if (state.status !== 'submitted') throw refuse.conflict('already-evaluated', 'the request has already been evaluated');
  const e = c.evaluation;
  if (e.requestId !== request.requestId) throw refuse.invalid('evaluation-request-mismatch', `evaluation is for request ${e.requestId}`, '/evaluation/requestId');
  if (e.program.programId !== request.programId || e.program.version !== request.programVersion) {
    throw refuse.invalid('evaluation-program-mismatch', `evaluation pins program ${e.program.programId}@${e.program.version}`, '/evaluation/program');
  }
  const proposed = new Set(e.proposals.map((p) => p.itemId));
  const items = request.items.map((i) => i.itemId);
  if (proposed.size !== items.length || e.proposals.length !== items.length || items.some((id) => !proposed.has(id))) {
    throw refuse.invalid('evaluation-items-mismatch', 'the evaluation must propose exactly one outcome per request item', '/evaluation/proposals');
  }
  return [{ type: 'RequestEvaluated', data: e }];
}

function decideItems(c: DecideItems, state: State): Events {
  const request = visibleTo(c.actor, state);
  assertRegistrarOf(c.actor, request.receivingInstitution, 'decide this request');
  assertOpen(state);
  if (state.status === 'submitted') throw refuse.conflict('not-evaluated', 'the request has not been evaluated yet');
  if (state.status !== 'evaluated') throw refuse.conflict('already-decided', 'the request is already decided; revise it after an appeal or a change of evidence');
  assertDate(c.decidedOn, '/decidedOn');
  const items = itemDecisionsOf(c.items, state, { itemIds: itemsOf(state).map((i) => i.itemId), what: 'every item' });
  return [{ type: 'ItemsDecided', data: { requestId: request.requestId, decidedBy: c.actor.institutionId, items, decidedOn: c.decidedOn } }];
}

function grantException(c: GrantException, state: State): Events {
  const request = visibleTo(c.actor, state);
  assertRegistrarOf(c.actor, request.receivingInstitution, 'grant exceptions on this request');
  assertOpen(state);
  if (state.status === 'submitted') throw refuse.conflict('not-evaluated', 'the request has not been evaluated yet');
  assertDate(c.grantedOn, '/grantedOn');
  if (!c.knownRulePaths.includes(c.rulePath)) {
    throw refuse.invalid('unknown-rule-path', `program ${request.programId}@${request.programVersion} has no rule "${c.rulePath}"`, '/rulePath');
  }
  if (c.exceptionKind === 'substitute' && (c.itemId === null || !request.items.some((i) => i.itemId === c.itemId))) {
    throw refuse.invalid('substitute-item-not-in-request', 'a substitution names an item of this request', '/itemId');
  }
  if (c.exceptionKind === 'waive' && c.itemId !== null) throw refuse.invalid('waiver-takes-no-item', 'a waiver names no item', '/itemId');
  if (state.exceptions.some((x) => x.exceptionId === c.exceptionId)) throw refuse.conflict('exception-exists', `exception ${c.exceptionId} already exists`);
  if (state.exceptions.some((x) => x.rulePath === c.rulePath && x.kind === c.exceptionKind && x.itemId === c.itemId)) {
    throw refuse.conflict('exception-exists', `a ${c.exceptionKind} on ${c.rulePath} is already granted`);
  }
  return [
    {
      type: 'ExceptionGranted',
      data: {
        requestId: request.requestId,
        exceptionId: c.exceptionId,
        kind: c.exceptionKind,
        rulePath: c.rulePath,
        programId: request.programId,
        programVersion: request.programVersion,
        itemId: c.itemId,
        reason: c.reason,
        grantedOn: c.grantedOn,
        programEvaluation: c.programEvaluation,
      },
    },
  ];
}

function appeal(c: Appeal, state: State): Events {
  const request = visibleTo(c.actor, state);
  assertSubmitterOf(c.actor, request.submitterInstitution, 'appeal this request');
  assertOpen(state);
  if (state.status === 'appealed') throw refuse.conflict('already-appealed', 'the request is already under appeal; wait for the revision');
  if (state.status !== 'decided' && state.status !== 'revised') throw refuse.conflict('not-decided', 'only a decided request can be appealed');
  assertDate(c.appealedOn, '/appealedOn');
  const known = new Set(request.items.map((i) => i.itemId));
  c.itemIds.forEach((id, i) => {
    if (!known.has(id)) throw refuse.invalid('item-not-in-request', `item ${id} is not part of this request`, `/itemIds/${i}`);
  });
  return [{ type: 'RequestAppealed', data: { requestId: request.requestId, grounds: c.grounds, itemIds: c.itemIds, appealedOn: c.appealedOn } }];
}

function revise(c: Revise, state: State): Events {
  const request = visibleTo(c.actor, state);
  assertRegistrarOf(c.actor, request.receivingInstitution, 'revise this request');
  assertOpen(state);
  const flagged = (state.status === 'decided' || state.status === 'revised') && isEvidenceChanged(state);
  if (state.status !== 'appealed' && !flagged) throw refuse.conflict('not-appealed', 'a revision answers an appeal or a change of evidence (RequestEvidenceChanged)');
  assertDate(c.revisedOn, '/revisedOn');
  const items = itemDecisionsOf(c.items, state, revisionScope(state));
  const revised = new Set(items.map((d) => d.itemId));
  const keptItems = (state.decisions ?? []).filter((d) => !revised.has(d.itemId)).map((d) => ({ itemId: d.itemId, decidedIn: d.decidedIn ? originOf(d.decidedIn) : null }));
  return [{ type: 'RequestRevised', data: { requestId: request.requestId, items, keptItems, note: c.note, revisedOn: c.revisedOn } }];
}

function withdraw(c: Withdraw, state: State): Events {
  const request = visibleTo(c.actor, state);
  assertSubmitterOf(c.actor, request.submitterInstitution, 'withdraw this request');
  assertOpen(state);
  if (state.status !== 'submitted' && state.status !== 'evaluated') throw refuse.conflict('request-already-decided', 'a decided request cannot be withdrawn');
  assertDate(c.withdrawnOn, '/withdrawnOn');
  return [{ type: 'RequestWithdrawn', data: { requestId: request.requestId, reason: c.reason, withdrawnOn: c.withdrawnOn } }];
}

function existing(state: State) {
  if (state.request === null) throw refuse.notFound(REQUEST_NOT_FOUND, 'no such transfer request');
  return state.request;
}

/** The request, if the actor is a party to it; otherwise the very refusal of an unknown request. */
function visibleTo(actor: ActorRef, state: State) {
  const request = state.request;
  if (request === null || !isPartyTo(actor, request)) return existing(initialTransferRequestState);
  return request;
}

function assertOpen(state: State): void {
  if (state.status === 'withdrawn') throw refuse.conflict('request-withdrawn', 'the request was withdrawn');
}
