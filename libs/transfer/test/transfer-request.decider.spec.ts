import { given } from '@app/testing';
import { transferRequestDecider as decider } from '../src/domain/transfer-request.decider';
import { Appeal, DecideItems, GrantException, Revise, SubmitRequest, Withdraw } from '../src/domain/transfer-request.commands';
import { appealed, asProposed, decided, evaluated, evaluation, items, MIT, otherRegistrar, otherSubmitter, registrar, submitted, submitter, UNI, withdrawn } from './transfer.fixtures';

const submit: SubmitRequest = { kind: 'SubmitRequest', actor: submitter, requestId: 'r1', learnerId: 'l1', receivingInstitution: MIT, programId: 'mit-scm', programVersion: '2026-2027', items, note: null, submittedOn: '2026-09-01' };
const decide = (over: Partial<DecideItems> = {}): DecideItems => ({ kind: 'DecideItems', actor: registrar, items: asProposed, decidedOn: '2026-09-10', ...over });
const exception = (over: Partial<GrantException> = {}): GrantException => ({
  kind: 'GrantException', actor: registrar, exceptionId: 'x1', exceptionKind: 'waive', rulePath: 'mit-scm/capstone', itemId: null, reason: 'industry project', knownRulePaths: ['mit-scm', 'mit-scm/capstone'], programEvaluation: null, grantedOn: '2026-09-11', ...over,
});
const appeal = (over: Partial<Appeal> = {}): Appeal => ({ kind: 'Appeal', actor: submitter, grounds: 'the credential covers SC1x', itemIds: ['credential:k1'], appealedOn: '2026-09-12', ...over });
const revise = (over: Partial<Revise> = {}): Revise => ({
  kind: 'Revise', actor: registrar, note: 'appeal upheld', revisedOn: '2026-09-20',
  items: [asProposed[0], { itemId: 'credential:k1', outcome: 'granted', reasonCode: 'APPEAL_UPHELD', credits: '8', overrideReason: 'covers SC1x' }], ...over,
});
const withdraw = (over: Partial<Withdraw> = {}): Withdraw => ({ kind: 'Withdraw', actor: submitter, reason: 'learner moved', withdrawnOn: '2026-09-02', ...over });

describe('transfer request: SubmitRequest / RecordEvaluation', () => {
  it('submits a request by the actor institution', () => {
    given(decider).when(submit).then([submitted]);
  });
  it('submits and evaluates in one decision (both events, one append)', () => {
    given(decider).when({ kind: 'SubmitAndEvaluate', submit, evaluation }).then([submitted, evaluated]);
  });
  it('records an evaluation of a submitted request', () => {
    given(decider, [submitted]).when({ kind: 'RecordEvaluation', evaluation }).then([evaluated]);
  });
  it('refuses a second evaluation: 409', () => {
    given(decider, [submitted, evaluated]).when({ kind: 'RecordEvaluation', evaluation }).thenRefuses('conflict', 'already-evaluated');
  });
  it('refuses an evaluation that does not cover exactly the items: 400', () => {
    given(decider, [submitted]).when({ kind: 'RecordEvaluation', evaluation: { ...evaluation, proposals: evaluation.proposals.slice(1) } }).thenRefuses('invalid', 'evaluation-items-mismatch');
  });
  it('refuses an evaluation pinned to another program version: 400', () => {
    given(decider, [submitted]).when({ kind: 'RecordEvaluation', evaluation: { ...evaluation, program: { ...evaluation.program, version: '2025-26' } } }).thenRefuses('invalid', 'evaluation-program-mismatch');
  });
  it('refuses evaluating an unknown request: 404', () => {
    given(decider).when({ kind: 'RecordEvaluation', evaluation }).thenRefuses('not-found', 'request-not-found');
  });
  it('refuses submitting twice on the same id: 409', () => {
    given(decider, [submitted]).when(submit).thenRefuses('conflict', 'request-exists');
  });
  it('refuses a request with no evidence or duplicated evidence: 400', () => {
    given(decider).when({ ...submit, items: [] }).thenRefuses('invalid', 'no-evidence');
    given(decider).when({ ...submit, items: [items[0], items[0]] }).thenRefuses('invalid', 'duplicate-evidence');
  });
  it('refuses a non-submitter role: 403', () => {
    given(decider).when({ ...submit, actor: registrar }).thenRefuses('forbidden', 'not-submitter');
  });
});

describe('transfer request: DecideItems', () => {
  it('records the decision as proposed', () => {
    given(decider, [submitted, evaluated]).when(decide()).then([decided]);
  });
  it('may differ from the proposal with a reason', () => {
    const items = [{ ...asProposed[0], outcome: 'partially-granted' as const, credits: '4', overrideReason: 'only half the syllabus' }, asProposed[1]];
    given(decider, [submitted, evaluated]).when(decide({ items })).thenMatches([
      { type: 'ItemsDecided', data: { items: [{ itemId: 'completion:c1', outcome: 'partially-granted', credits: '4', differsFromProposal: true, overrideReason: 'only half the syllabus', reasonCode: 'EQUIVALENT_COURSE', note: null }, decided.data.items[1]] } },
    ]);
  });
  it('refuses a differing decision without a reason: 400', () => {
    given(decider, [submitted, evaluated]).when(decide({ items: [{ ...asProposed[0], outcome: 'denied' }, asProposed[1]] })).thenRefuses('invalid', 'override-reason-required');
  });
  it('refuses deciding a withdrawn request: 409', () => {
    given(decider, [submitted, withdrawn]).when(decide()).thenRefuses('conflict', 'request-withdrawn');
  });
  it('refuses deciding before evaluation: 409', () => {
    given(decider, [submitted]).when(decide()).thenRefuses('conflict', 'not-evaluated');
  });
  it('refuses deciding twice: 409', () => {
    given(decider, [submitted, evaluated, decided]).when(decide()).thenRefuses('conflict', 'already-decided');
  });
  it('refuses items that are not in the request: 400', () => {
    given(decider, [submitted, evaluated]).when(decide({ items: [...asProposed, { itemId: 'completion:zz', outcome: 'denied', reasonCode: 'X' }] })).thenRefuses('invalid', 'item-not-in-request');
  });
  it('refuses an item decided twice or an item left undecided: 400', () => {
    given(decider, [submitted, evaluated]).when(decide({ items: [asProposed[0], asProposed[0]] })).thenRefuses('invalid', 'item-decided-twice');
    given(decider, [submitted, evaluated]).when(decide({ items: [asProposed[0]] })).thenRefuses('invalid', 'items-undecided');
  });
  it('refuses inconsistent credits: 400', () => {
    given(decider, [submitted, evaluated]).when(decide({ items: [asProposed[0], { ...asProposed[1], credits: '2', overrideReason: 'x' }] })).thenRefuses('invalid', 'denied-with-credits');
    given(decider, [submitted, evaluated]).when(decide({ items: [{ ...asProposed[0], credits: 'eight' }, asProposed[1]] })).thenRefuses('invalid', 'invalid-credits');
  });
  it('answers a registrar of another institution as for an unknown request (404: it does not see it)', () => {
    given(decider, [submitted, evaluated]).when(decide({ actor: otherRegistrar })).thenRefuses('not-found', 'request-not-found');
  });
  it('refuses a party whose role may not decide (the submitting institution): 403', () => {
    given(decider, [submitted, evaluated]).when(decide({ actor: submitter })).thenRefuses('forbidden', 'not-registrar-of-institution');
  });
  it('refuses an unknown request: 404', () => {
    given(decider).when(decide()).thenRefuses('not-found', 'request-not-found');
  });
});

describe('transfer request: GrantException', () => {
  it('grants a waiver keyed by rule path and program version', () => {
    given(decider, [submitted, evaluated]).when(exception()).then([
      { type: 'ExceptionGranted', data: { requestId: 'r1', exceptionId: 'x1', kind: 'waive', rulePath: 'mit-scm/capstone', programId: 'mit-scm', programVersion: '2026-2027', itemId: null, reason: 'industry project', grantedOn: '2026-09-11', programEvaluation: null } },
    ]);
  });
  it('grants a substitution naming an item of the request', () => {
    given(decider, [submitted, evaluated, decided]).when(exception({ exceptionKind: 'substitute', itemId: 'credential:k1' })).thenMatches([{ type: 'ExceptionGranted', data: { kind: 'substitute', itemId: 'credential:k1' } }]);
  });
  it('refuses an unknown rule path: 400', () => {
    given(decider, [submitted, evaluated]).when(exception({ rulePath: 'mit-scm/nope' })).thenRefuses('invalid', 'unknown-rule-path');
  });
  it('refuses a substitution without an item of the request: 400', () => {
    given(decider, [submitted, evaluated]).when(exception({ exceptionKind: 'substitute', itemId: 'completion:zz' })).thenRefuses('invalid', 'substitute-item-not-in-request');
  });
  it('refuses the same exception twice: 409', () => {
    const [granted] = decider.decide(exception(), [submitted, evaluated].reduce(decider.evolve, decider.initialState));
    given(decider, [submitted, evaluated, granted]).when(exception({ exceptionId: 'x2' })).thenRefuses('conflict', 'exception-exists');
  });
  it('refuses before evaluation and on a withdrawn request: 409', () => {
    given(decider, [submitted]).when(exception()).thenRefuses('conflict', 'not-evaluated');
    given(decider, [submitted, withdrawn]).when(exception()).thenRefuses('conflict', 'request-withdrawn');
  });
  it('answers a registrar of another institution as for an unknown request: 404', () => {
    given(decider, [submitted, evaluated]).when(exception({ actor: otherRegistrar })).thenRefuses('not-found', 'request-not-found');
  });
  it('refuses the submitting party: 403', () => {
    given(decider, [submitted, evaluated]).when(exception({ actor: submitter })).thenRefuses('forbidden', 'not-registrar-of-institution');
  });
});

describe('transfer request: Appeal / Revise', () => {
  it('the submitter appeals a decision', () => {
    given(decider, [submitted, evaluated, decided]).when(appeal()).then([appealed]);
  });
  it('refuses an appeal before the decision: 409', () => {
    given(decider, [submitted, evaluated]).when(appeal()).thenRefuses('conflict', 'not-decided');
  });
  it('refuses a second appeal without a revision: 409', () => {
    given(decider, [submitted, evaluated, decided, appealed]).when(appeal()).thenRefuses('conflict', 'already-appealed');
  });
  it('answers an appeal by another submitter institution as for an unknown request: 404', () => {
    given(decider, [submitted, evaluated, decided]).when(appeal({ actor: otherSubmitter })).thenRefuses('not-found', 'request-not-found');
  });
  it('refuses an appeal by the receiving party: 403', () => {
    given(decider, [submitted, evaluated, decided]).when(appeal({ actor: registrar })).thenRefuses('forbidden', 'not-submitter-of-institution');
  });
  it('refuses an appeal naming items outside the request: 400', () => {
    given(decider, [submitted, evaluated, decided]).when(appeal({ itemIds: ['completion:zz'] })).thenRefuses('invalid', 'item-not-in-request');
  });
  it('the registrar revises after an appeal; a further appeal is then allowed', () => {
    const [revised] = given(decider, [submitted, evaluated, decided, appealed]).when(revise()).thenMatches([
      { type: 'RequestRevised', data: { note: 'appeal upheld', items: [decided.data.items[0], { itemId: 'credential:k1', outcome: 'granted', credits: '8', differsFromProposal: true, overrideReason: 'covers SC1x' }] } },
    ]);
    given(decider, [submitted, evaluated, decided, appealed, revised]).when(appeal({ grounds: 'again' })).thenMatches([{ type: 'RequestAppealed' }]);
  });
  it('refuses a revision without an appeal: 409', () => {
    given(decider, [submitted, evaluated, decided]).when(revise()).thenRefuses('conflict', 'not-appealed');
  });
  it('answers a revision by a registrar of another institution as for an unknown request: 404', () => {
    given(decider, [submitted, evaluated, decided, appealed]).when(revise({ actor: otherRegistrar })).thenRefuses('not-found', 'request-not-found');
  });
});

describe('transfer request: Withdraw', () => {
  it('the submitter withdraws before a decision', () => {
    given(decider, [submitted, evaluated]).when(withdraw()).then([{ type: 'RequestWithdrawn', data: { requestId: 'r1', reason: 'learner moved', withdrawnOn: '2026-09-02' } }]);
    given(decider, [submitted]).when(withdraw()).thenMatches([{ type: 'RequestWithdrawn' }]);
  });
  it('refuses a withdrawal after the decision: 409', () => {
    given(decider, [submitted, evaluated, decided]).when(withdraw()).thenRefuses('conflict', 'request-already-decided');
  });
  it('refuses withdrawing twice: 409', () => {
    given(decider, [submitted, withdrawn]).when(withdraw()).thenRefuses('conflict', 'request-withdrawn');
  });
  it("answers a submitter withdrawing another institution's request as for an unknown request: 404", () => {
    given(decider, [submitted, evaluated]).when(withdraw({ actor: otherSubmitter })).thenRefuses('not-found', 'request-not-found');
  });
  it('refuses a withdrawal by the receiving party: 403', () => {
    given(decider, [submitted, evaluated]).when(withdraw({ actor: registrar })).thenRefuses('forbidden', 'not-submitter-of-institution');
    expect(UNI).not.toBe(otherSubmitter.institutionId);
  });
});
