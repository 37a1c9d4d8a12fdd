import { given } from '@app/testing';
import { transferRequestDecider as decider } from '../src/domain/transfer-request.decider';
import { Revise } from '../src/domain/transfer-request.commands';
import { decisionsInForce } from '../src/domain/decisions-in-force';
import { RequestRevised, TransferRequestEvent } from '../src/domain/transfer-request.events';
import { evolveTransferRequest, initialTransferRequestState } from '../src/domain/transfer-request.state';
import { appealed, decided, evaluated, evaluation, registrar, submitted } from './transfer.fixtures';

/**
 * Issue 21, item 3: an appeal names the items it contests; the revision re-decides at least those
 * (and any other item the registrar chooses), keeps the others' decisions in force and says which
 * it kept and where they were decided. The history is folded as the event store folds it (each
 * event with its id and position), so the steps name their events.
 */
const at = (event: TransferRequestEvent, id: string, position: number): TransferRequestEvent => ({ ...event, id, position });
const history = [at(submitted, 'ev-sub', 10), at(evaluated, 'ev-eval', 11), at(decided, 'ev-dec', 12), at(appealed, 'ev-appeal', 13)];
const fold = (events: TransferRequestEvent[]) => events.reduce(evolveTransferRequest, initialTransferRequestState);

const grantK1 = { itemId: 'credential:k1', outcome: 'granted' as const, reasonCode: 'APPEAL_UPHELD', credits: '8', overrideReason: 'the credential covers SC1x' };
const revise = (over: Partial<Revise> = {}): Revise => ({ kind: 'Revise', actor: registrar, note: 'appeal upheld for the credential', revisedOn: '2026-09-20', items: [grantK1], ...over });

describe('transfer request: partial revisions (Revise after an appeal naming items)', () => {
  it('re-decides only the appealed item; the revision lists the kept item with the decision it keeps', () => {
    given(decider, history).when(revise()).then([
      {
        type: 'RequestRevised',
        data: {
          requestId: 'r1',
          items: [{ itemId: 'credential:k1', outcome: 'granted', reasonCode: 'APPEAL_UPHELD', note: null, credits: '8', differsFromProposal: true, overrideReason: 'the credential covers SC1x', grantedAs: { as: 'elective' } }],
          keptItems: [{ itemId: 'completion:c1', decidedIn: { type: 'ItemsDecided', eventId: 'ev-dec', on: '2026-09-10' } }],
          note: 'appeal upheld for the credential',
          revisedOn: '2026-09-20',
        },
      },
    ]);
  });

  it('folds to the merged decisions in force: the kept item from the decision, the revised one from the revision answering the appeal', () => {
    const [revised] = given(decider, history).when(revise()).thenMatches([{ type: 'RequestRevised' }]);
    const state = fold([...history, at(revised, 'ev-rev', 14)]);
    expect(state.status).toBe('revised');
    expect(state.decisions?.map((d) => [d.itemId, d.outcome, d.credits, d.decidedIn?.type, d.decidedIn?.eventId])).toEqual([
      ['completion:c1', 'granted', '8', 'ItemsDecided', 'ev-dec'],
      ['credential:k1', 'granted', '8', 'RequestRevised', 'ev-rev'],
    ]);
    expect(state.decisions?.[1].decidedIn).toEqual({
      type: 'RequestRevised', eventId: 'ev-rev', position: 14, on: '2026-09-20', note: 'appeal upheld for the credential',
      appeal: { eventId: 'ev-appeal', position: 13, grounds: 'the credential covers SC1x', itemIds: ['credential:k1'], appealedOn: '2026-09-12' }, evidenceChanges: [],
    });
    // eligibility reads the same merge: both items bind, the kept one as first decided
    expect(decisionsInForce(state).map((d) => [d.itemId, d.outcome, d.credits])).toEqual([['completion:c1', 'granted', '8'], ['credential:k1', 'granted', '8']]);
  });

  it('a second partial revision keeps the origin of what it keeps: the first decision for one item, the first revision for the other', () => {
    const [first] = given(decider, history).when(revise()).thenMatches([{ type: 'RequestRevised' }]);
    const again: TransferRequestEvent = { type: 'RequestAppealed', data: { requestId: 'r1', grounds: 'SC0x deserves more', itemIds: ['completion:c1'], appealedOn: '2026-09-25' } };
    const later = [...history, at(first, 'ev-rev', 14), at(again, 'ev-appeal-2', 15)];
    const c1 = { itemId: 'completion:c1', outcome: 'granted' as const, reasonCode: 'APPEAL_UPHELD', credits: '10', overrideReason: 'capstone-level work' };
    const [second] = given(decider, later).when(revise({ items: [c1], note: 'SC0x raised', revisedOn: '2026-09-30' })).thenMatches([
      { type: 'RequestRevised', data: { keptItems: [{ itemId: 'credential:k1', decidedIn: { type: 'RequestRevised', eventId: 'ev-rev', on: '2026-09-20' } }] } },
    ]);
    const state = fold([...later, at(second, 'ev-rev-2', 16)]);
    expect(state.decisions?.map((d) => [d.itemId, d.credits, d.decidedIn?.eventId, d.decidedIn?.appeal?.eventId])).toEqual([
      ['completion:c1', '10', 'ev-rev-2', 'ev-appeal-2'],
      ['credential:k1', '8', 'ev-rev', 'ev-appeal'],
    ]);
  });

  it('may re-decide an item the appeal did not name too (the registrar corrects more than was contested): nothing kept', () => {
    const c1 = { itemId: 'completion:c1', outcome: 'partially-granted' as const, reasonCode: 'REVIEWED', credits: '4', overrideReason: 'half the syllabus' };
    given(decider, history).when(revise({ items: [c1, grantK1] })).thenMatches([
      { type: 'RequestRevised', data: { items: [{ itemId: 'completion:c1', credits: '4' }, { itemId: 'credential:k1', credits: '8' }], keptItems: [] } },
    ]);
  });

  it('refuses a revision that leaves out an item the appeal contests: 400 items-undecided at /items, naming it', () => {
    const c1 = { itemId: 'completion:c1', outcome: 'granted' as const, reasonCode: 'EQUIVALENT_COURSE' };
    const error = given(decider, history).when(revise({ items: [c1] })).thenRefuses('invalid', 'items-undecided');
    expect(error.details).toEqual({ path: '/items' });
    expect(error.message).toBe('every item the appeal contests must be decided; missing: credential:k1');
  });

  it('an appeal naming no item contests the whole decision: every item must be re-decided', () => {
    const whole: TransferRequestEvent = { type: 'RequestAppealed', data: { requestId: 'r1', grounds: 'review it all', itemIds: [], appealedOn: '2026-09-12' } };
    const error = given(decider, [...history.slice(0, 3), whole]).when(revise()).thenRefuses('invalid', 'items-undecided');
    expect(error.message).toContain('missing: completion:c1');
  });

  it('refuses an item that is not in the request: 400 at its pointer', () => {
    const error = given(decider, history).when(revise({ items: [grantK1, { itemId: 'completion:zz', outcome: 'denied', reasonCode: 'X' }] })).thenRefuses('invalid', 'item-not-in-request');
    expect(error.details).toEqual({ path: '/items/1/itemId' });
  });

  it('a revision recorded before partial revisions (no keptItems) folds as before: its items are the decisions in force', () => {
    const old: RequestRevised = { type: 'RequestRevised', data: { requestId: 'r1', items: [{ ...decided.data.items[1], outcome: 'granted', credits: '8', differsFromProposal: true, overrideReason: 'x' }, decided.data.items[0]], note: 'upheld', revisedOn: '2026-09-20' } };
    const state = fold([...history, at(old, 'ev-old', 14)]);
    expect(state.decisions?.map(({ decidedIn: _step, ...d }) => d)).toEqual(old.data.items);
    expect(state.decisions?.every((d) => d.decidedIn?.eventId === 'ev-old' && d.decidedIn.note === 'upheld' && d.decidedIn.appeal?.eventId === 'ev-appeal')).toBe(true);
  });

  it('folded without envelopes (a decider spec, a replay of bare events), the steps name no event', () => {
    const state = fold([submitted, evaluated, decided]);
    expect(state.decisions?.[0].decidedIn).toEqual({ type: 'ItemsDecided', eventId: null, position: null, on: '2026-09-10', note: null, appeal: null, evidenceChanges: [] });
  });
});

describe('transfer request: partial revisions of a request flagged by an evidence change (no appeal)', () => {
  const cause = { eventId: 'fix1', eventType: 'CompletionCorrected', stream: 'learner-l1', position: 20, occurredAt: '2026-10-01T09:00:00.000Z', recordedAt: '2026-10-01T09:00:00.000Z' };
  const flagged: TransferRequestEvent = {
    type: 'RequestEvidenceChanged',
    data: {
      requestId: 'r1', learnerId: 'l1', cause, change: { kind: 'regraded', refKind: 'completion', refId: 'c1', from: { scale: 'percent', value: '86' }, to: { scale: 'percent', value: '84' }, reason: 'remarked', on: '2026-10-01' },
      affectedItems: ['completion:c1'], statusWhenFlagged: 'decided', reevaluation: { ...evaluation, learnerStream: { ...evaluation.learnerStream, lastPosition: 20 } }, flaggedOn: '2026-10-01',
    },
  };
  const flaggedHistory = [...history.slice(0, 3), at(flagged, 'ev-flag', 21)];
  const c1 = { itemId: 'completion:c1', outcome: 'granted' as const, reasonCode: 'EQUIVALENT_COURSE' };

  it('must re-decide the items whose evidence changed, keeps the others, and names the change it answered', () => {
    const [revised] = given(decider, flaggedHistory).when(revise({ items: [c1], note: 'regrade reviewed' })).thenMatches([
      { type: 'RequestRevised', data: { items: [{ itemId: 'completion:c1', credits: '8' }], keptItems: [{ itemId: 'credential:k1', decidedIn: { type: 'ItemsDecided', eventId: 'ev-dec', on: '2026-09-10' } }] } },
    ]);
    const state = fold([...flaggedHistory, at(revised, 'ev-rev', 22)]);
    expect(state.openEvidenceChanges).toEqual([]);
    expect(state.decisions?.[0].decidedIn).toMatchObject({ type: 'RequestRevised', eventId: 'ev-rev', appeal: null, evidenceChanges: ['fix1'], note: 'regrade reviewed' });
    expect(state.decisions?.[1].decidedIn).toMatchObject({ type: 'ItemsDecided', eventId: 'ev-dec' });
  });

  it('refuses a revision that leaves out an item whose evidence changed: 400 items-undecided', () => {
    const error = given(decider, flaggedHistory).when(revise()).thenRefuses('invalid', 'items-undecided');
    expect(error.message).toBe('every item whose evidence changed must be decided; missing: completion:c1');
  });

  it('under appeal and flagged: the contested items and the changed ones are both required', () => {
    const error = given(decider, [...flaggedHistory, at(appealed, 'ev-appeal', 23)]).when(revise({ items: [c1] })).thenRefuses('invalid', 'items-undecided');
    expect(error.message).toBe('every item the appeal contests or whose evidence changed must be decided; missing: credential:k1');
  });
});
