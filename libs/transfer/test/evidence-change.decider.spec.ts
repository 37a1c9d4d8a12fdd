import { given } from '@app/testing';
import { transferRequestDecider as decider } from '../src/domain/transfer-request.decider';
import { DecideItems, FlagEvidenceChange, Revise } from '../src/domain/transfer-request.commands';
import { EvaluationRecord } from '../src/domain/evaluation-record';
import { RequestEvidenceChanged, TransferRequestEvent } from '../src/domain/transfer-request.events';
import { describeEvidenceChange } from '../src/domain/evidence-change';
import { isEvidenceChanged, proposalsInForce } from '../src/domain/transfer-request.state';
import { appealed, asProposed, decided, evaluated, evaluation, registrar, submitted, withdrawn } from './transfer.fixtures';

/** The credential k1 revoked at position 12 (after the evaluation read the learner stream up to 9): c1 is now denied. */
const reevaluation: EvaluationRecord = {
  ...evaluation,
  learnerStream: { stream: 'learner-l1', revision: 5, lastPosition: 12 },
  evidenceRead: [
    ...evaluation.evidenceRead,
    { itemId: 'credential:k1', kind: 'credential', refId: 'k1', stream: 'learner-l1', eventId: 'rev1', position: 12, eventType: 'MicroCredentialRevoked' },
  ],
  proposals: [
    { ...evaluation.proposals[0], decision: 'denied', creditsGranted: '0', reasons: ['CREDENTIAL_INCOMPLETE'] },
    evaluation.proposals[1],
  ],
  totals: { granted: '0', grantedCount: 0, partialCount: 0, deniedCount: 2 },
};
const cause = { eventId: 'rev1', eventType: 'MicroCredentialRevoked', stream: 'learner-l1', position: 12, occurredAt: '2026-10-01T09:00:00.000Z', recordedAt: '2026-10-01T09:00:00.000Z' };
const change = { kind: 'revoked' as const, refKind: 'credential' as const, refId: 'k1', reason: 'identity not verified', on: '2026-10-01' };
const flag = (over: Partial<FlagEvidenceChange> = {}): FlagEvidenceChange => ({
  kind: 'FlagEvidenceChange', cause, change, affectedItems: ['completion:c1', 'credential:k1'], reevaluation, flaggedOn: '2026-10-01', ...over,
});
const flaggedData = (statusWhenFlagged: string): RequestEvidenceChanged['data'] => ({
  requestId: 'r1', learnerId: 'l1', cause, change, affectedItems: ['completion:c1', 'credential:k1'], statusWhenFlagged, reevaluation, flaggedOn: '2026-10-01',
});
const flagged: TransferRequestEvent = { type: 'RequestEvidenceChanged', data: flaggedData('decided') };
const revise = (over: Partial<Revise> = {}): Revise => ({
  kind: 'Revise', actor: registrar, note: 'credential revoked', revisedOn: '2026-10-05',
  items: [{ itemId: 'completion:c1', outcome: 'denied', reasonCode: 'CREDENTIAL_INCOMPLETE' }, { itemId: 'credential:k1', outcome: 'denied', reasonCode: 'NO_EQUIVALENCY' }], ...over,
});

describe('transfer request: FlagEvidenceChange (the evidence-change reactor)', () => {
  it('flags a decided request with the cause, the change, the affected items and the re-evaluation; the status stays decided', () => {
    const [event] = given(decider, [submitted, evaluated, decided]).when(flag()).then([{ type: 'RequestEvidenceChanged', data: flaggedData('decided') }]);
    const state = [submitted, evaluated, decided, event].reduce(decider.evolve, decider.initialState);
    expect(state.status).toBe('decided');
    expect(isEvidenceChanged(state)).toBe(true);
    expect(state.openEvidenceChanges).toEqual(['rev1']);
    expect(proposalsInForce(state)).toEqual(reevaluation.proposals);
    expect(state.programEvaluation).toEqual(reevaluation.programEvaluation);
  });
  it('flags appealed, revised and evaluated (undecided) requests too', () => {
    given(decider, [submitted, evaluated, decided, appealed]).when(flag()).thenMatches([{ type: 'RequestEvidenceChanged', data: { statusWhenFlagged: 'appealed' } }]);
    given(decider, [submitted, evaluated]).when(flag()).thenMatches([{ type: 'RequestEvidenceChanged', data: { statusWhenFlagged: 'evaluated' } }]);
  });
  it('is idempotent per causing event: the same cause again decides nothing', () => {
    given(decider, [submitted, evaluated, decided, flagged]).when(flag()).then([]);
    given(decider, [submitted, evaluated, decided, flagged, { type: 'RequestRevised', data: { requestId: 'r1', items: decided.data.items, note: null, revisedOn: '2026-10-05' } }]).when(flag()).then([]);
  });
  it('flags a second, later change while the first is open', () => {
    const later = { ...cause, eventId: 'fix1', eventType: 'CompletionCorrected', position: 15 };
    const [event] = given(decider, [submitted, evaluated, decided, flagged])
      .when(flag({ cause: later, change: { kind: 'regraded', refKind: 'completion', refId: 'c1', from: { scale: 'percent', value: '86' }, to: { scale: 'percent', value: '50' }, reason: 'remarked', on: '2026-10-02' }, affectedItems: ['completion:c1'], reevaluation: { ...reevaluation, learnerStream: { ...reevaluation.learnerStream, lastPosition: 15 } } }))
      .thenMatches([{ type: 'RequestEvidenceChanged', data: { affectedItems: ['completion:c1'] } }]);
    expect([submitted, evaluated, decided, flagged, event].reduce(decider.evolve, decider.initialState).openEvidenceChanges).toEqual(['rev1', 'fix1']);
  });
  it('refuses a change the evaluation in force already read: 409', () => {
    given(decider, [submitted, evaluated, decided]).when(flag({ cause: { ...cause, eventId: 'old', position: 9 } })).thenRefuses('conflict', 'change-already-evaluated');
    const earlier = { ...cause, eventId: 'e-11', position: 11 };
    given(decider, [submitted, evaluated, decided, flagged]).when(flag({ cause: earlier })).thenRefuses('conflict', 'change-already-evaluated');
  });
  it('refuses a withdrawn, a not yet evaluated, or an unknown request', () => {
    given(decider, [submitted, withdrawn]).when(flag()).thenRefuses('conflict', 'request-withdrawn');
    given(decider, [submitted]).when(flag()).thenRefuses('conflict', 'not-evaluated');
    given(decider).when(flag()).thenRefuses('not-found', 'request-not-found');
  });
  it('refuses affected items outside the request or none: 400', () => {
    const error = given(decider, [submitted, evaluated, decided]).when(flag({ affectedItems: ['completion:zz'] })).thenRefuses('invalid', 'item-not-in-request');
    expect(error.details).toEqual({ path: '/affectedItems/0' });
    given(decider, [submitted, evaluated, decided]).when(flag({ affectedItems: [] })).thenRefuses('invalid', 'no-affected-items');
  });
  it('refuses a re-evaluation of another request, program, policy or reference date, or not proposing once per item: 400', () => {
    const base = [submitted, evaluated, decided];
    given(decider, base).when(flag({ reevaluation: { ...reevaluation, requestId: 'r2' } })).thenRefuses('invalid', 'evaluation-request-mismatch');
    given(decider, base).when(flag({ reevaluation: { ...reevaluation, program: { ...reevaluation.program, version: '2027-2028' } } })).thenRefuses('invalid', 'evaluation-program-mismatch');
    given(decider, base).when(flag({ reevaluation: { ...reevaluation, policy: { ...reevaluation.policy, version: '2026.2' } } })).thenRefuses('invalid', 'evaluation-policy-mismatch');
    given(decider, base).when(flag({ reevaluation: { ...reevaluation, referenceDate: '2026-10-01' } })).thenRefuses('invalid', 'evaluation-policy-mismatch');
    given(decider, base).when(flag({ reevaluation: { ...reevaluation, proposals: reevaluation.proposals.slice(1) } })).thenRefuses('invalid', 'evaluation-items-mismatch');
  });
  it('describes the change in a sentence', () => {
    expect(describeEvidenceChange(change)).toBe('credential k1 revoked on 2026-10-01 (identity not verified)');
    expect(describeEvidenceChange({ kind: 'regraded', refKind: 'completion', refId: 'c1', from: { scale: 'percent', value: '86' }, to: { scale: 'percent', value: '50' }, reason: 'remarked', on: '2026-10-02' }))
      .toBe('completion c1 regraded from 86 (percent) to 50 (percent) on 2026-10-02 (remarked)');
  });
});

describe('transfer request: re-deciding a flagged request', () => {
  it('the registrar revises a flagged decided request without an appeal; the revision is compared with the re-evaluated proposal and clears the flag', () => {
    const [revised] = given(decider, [submitted, evaluated, decided, flagged]).when(revise()).thenMatches([
      { type: 'RequestRevised', data: { items: [{ itemId: 'completion:c1', outcome: 'denied', credits: '0', differsFromProposal: false, overrideReason: null }, { itemId: 'credential:k1', differsFromProposal: false }] } },
    ]);
    const state = [submitted, evaluated, decided, flagged, revised].reduce(decider.evolve, decider.initialState);
    expect(state.status).toBe('revised');
    expect(isEvidenceChanged(state)).toBe(false);
    expect(state.evidenceChanges).toHaveLength(1);
  });
  it('keeping the old grant now needs an override reason (it differs from the re-evaluated proposal): 400 without one', () => {
    // Credits stated: the proposal in force now grants 0, so "as proposed" no longer means 8.
    const keep = revise({ items: [{ ...asProposed[0], credits: '8' }, asProposed[1]] });
    given(decider, [submitted, evaluated, decided, flagged]).when(keep).thenRefuses('invalid', 'override-reason-required');
    given(decider, [submitted, evaluated, decided, flagged])
      .when(revise({ items: [{ ...asProposed[0], credits: '8', overrideReason: 'the revocation concerns the exam only' }, asProposed[1]] }))
      .thenMatches([{ type: 'RequestRevised', data: { items: [{ itemId: 'completion:c1', outcome: 'granted', credits: '8', differsFromProposal: true, overrideReason: 'the revocation concerns the exam only' }, { itemId: 'credential:k1' }] } }]);
  });
  it('a revised request flagged again may be revised again; without a flag or an appeal a revision is refused: 409', () => {
    const revisedEvent: TransferRequestEvent = { type: 'RequestRevised', data: { requestId: 'r1', items: decided.data.items, note: null, revisedOn: '2026-10-05' } };
    const again = { ...flagged, data: { ...flaggedData('revised'), cause: { ...cause, eventId: 'w1', eventType: 'CompletionWithdrawn', position: 20 }, reevaluation: { ...reevaluation, learnerStream: { ...reevaluation.learnerStream, lastPosition: 20 } } } } as TransferRequestEvent;
    given(decider, [submitted, evaluated, decided, flagged, revisedEvent, again]).when(revise()).thenMatches([{ type: 'RequestRevised' }]);
    given(decider, [submitted, evaluated, decided, flagged, revisedEvent]).when(revise()).thenRefuses('conflict', 'not-appealed');
  });
  it('an appeal of a flagged request is allowed; the revision then answers both and clears the flag', () => {
    const appealedAfter: TransferRequestEvent = { ...appealed };
    const [revised] = given(decider, [submitted, evaluated, decided, flagged, appealedAfter]).when(revise()).thenMatches([{ type: 'RequestRevised' }]);
    expect([submitted, evaluated, decided, flagged, appealedAfter, revised].reduce(decider.evolve, decider.initialState).openEvidenceChanges).toEqual([]);
  });
  it('a flagged evaluated request is decided against the re-evaluated proposal, which clears the flag', () => {
    const flaggedEvaluated: TransferRequestEvent = { type: 'RequestEvidenceChanged', data: flaggedData('evaluated') };
    const decide: DecideItems = { kind: 'DecideItems', actor: registrar, items: revise().items, decidedOn: '2026-10-03' };
    const [event] = given(decider, [submitted, evaluated, flaggedEvaluated]).when(decide).thenMatches([{ type: 'ItemsDecided', data: { items: [{ itemId: 'completion:c1', differsFromProposal: false }, { itemId: 'credential:k1' }] } }]);
    expect(isEvidenceChanged([submitted, evaluated, flaggedEvaluated, event].reduce(decider.evolve, decider.initialState))).toBe(false);
    given(decider, [submitted, evaluated, flaggedEvaluated]).when({ ...decide, items: [{ ...asProposed[0], credits: '8' }, asProposed[1]] }).thenRefuses('invalid', 'override-reason-required');
  });
  it('a decided request that is not flagged still cannot be decided again: 409', () => {
    given(decider, [submitted, evaluated, decided, flagged]).when({ kind: 'DecideItems', actor: registrar, items: asProposed, decidedOn: '2026-10-03' }).thenRefuses('conflict', 'already-decided');
  });
});
