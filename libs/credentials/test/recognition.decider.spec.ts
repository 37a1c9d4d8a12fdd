import { given } from '@app/testing';
import { latestOf, recognitionDecider, RecognitionCommand } from '../src/issuing/recognition.decider';
import { RecognitionCredentialIssued, RecognitionEvent } from '../src/issuing/recognition.events';

const issue = (over: Partial<Extract<RecognitionCommand, { kind: 'Issue' }>> = {}): RecognitionCommand => ({
  kind: 'Issue',
  institutionId: 'mit',
  requestId: 'r1',
  credentialId: 'urn:uuid:c1',
  decision: { eventId: 'd1', type: 'ItemsDecided', on: '2026-03-01T10:00:00.000Z' },
  keyId: 'did:key:z6Mk1#z6Mk1',
  statusListId: 'mit.1',
  statusListIndex: 0,
  credential: { id: 'urn:uuid:c1' },
  on: '2026-03-01T10:00:01.000Z',
  ...over,
});
const issued = (over: Partial<RecognitionCredentialIssued['data']> = {}): RecognitionEvent => ({
  type: 'RecognitionCredentialIssued',
  data: {
    requestId: 'r1', institutionId: 'mit', credentialId: 'urn:uuid:c1', decision: { eventId: 'd1', type: 'ItemsDecided', on: '2026-03-01T10:00:00.000Z' },
    keyId: 'did:key:z6Mk1#z6Mk1', statusListId: 'mit.1', statusListIndex: 0, credential: { id: 'urn:uuid:c1' }, issuedOn: '2026-03-01T10:00:01.000Z', ...over,
  },
});

describe('recognition decider: issuing and revoking recognition credentials of one institution', () => {
  it('issues the first credential of a decision at the next free index of the list', () => {
    given(recognitionDecider).when(issue()).then([issued()]);
  });

  it('appends nothing for the decision already stated (the reactor and a read may both ask)', () => {
    given(recognitionDecider, [issued()]).when(issue({ credentialId: 'urn:uuid:other', statusListIndex: 1 })).then([]);
  });

  it('a new decision revokes the credential in force and issues the new one, in one append', () => {
    const revised = issue({ credentialId: 'urn:uuid:c2', decision: { eventId: 'd2', type: 'RequestRevised', on: '2026-04-01T10:00:00.000Z' }, statusListIndex: 1, on: '2026-04-01T10:00:02.000Z' });
    given(recognitionDecider, [issued()]).when(revised).thenMatches([
      { type: 'RecognitionCredentialRevoked', data: { credentialId: 'urn:uuid:c1', statusListId: 'mit.1', statusListIndex: 0, reason: 'decision-replaced', causeEventId: 'd2', supersededBy: 'urn:uuid:c2' } },
      { type: 'RecognitionCredentialIssued', data: { credentialId: 'urn:uuid:c2', statusListIndex: 1, decision: { eventId: 'd2', type: 'RequestRevised', on: '2026-04-01T10:00:00.000Z' } } },
    ]);
  });

  it('refuses an index another issuance took first (the issuer signs again with the next one)', () => {
    given(recognitionDecider, [issued()]).when(issue({ requestId: 'r2', credentialId: 'urn:uuid:c9', decision: { eventId: 'd9', type: 'ItemsDecided', on: '2026-03-02T00:00:00.000Z' }, statusListIndex: 0 })).thenRefuses('conflict', 'status-index-taken');
  });

  it('refuses a list that is full: 131072 credentials per key, then a rotation starts a new list', () => {
    const state = given(recognitionDecider, [issued({ statusListIndex: 131071 })]);
    state.when(issue({ requestId: 'r2', credentialId: 'urn:uuid:c9', decision: { eventId: 'd9', type: 'ItemsDecided', on: '2026-03-02T00:00:00.000Z' }, statusListIndex: 131072 })).thenRefuses('conflict', 'status-list-full');
  });

  it('revokes the credential of a withdrawn request once, and then appends nothing', () => {
    const withdraw: RecognitionCommand = { kind: 'Revoke', institutionId: 'mit', requestId: 'r1', reason: 'request-withdrawn', causeEventId: 'w1', on: '2026-05-01T00:00:00.000Z' };
    const [revoked] = given(recognitionDecider, [issued()]).when(withdraw).thenMatches([{ type: 'RecognitionCredentialRevoked', data: { reason: 'request-withdrawn', supersededBy: null } }]);
    given(recognitionDecider, [issued(), revoked]).when(withdraw).then([]);
    given(recognitionDecider).when(withdraw).then([]);
  });

  it('folds the list: indexes allocated, bits set, when the last one was set', () => {
    const revision = issue({ credentialId: 'urn:uuid:c2', decision: { eventId: 'd2', type: 'RequestRevised', on: '2026-04-01T10:00:00.000Z' }, statusListIndex: 1, on: '2026-04-01T10:00:02.000Z' });
    const events = given(recognitionDecider, [issued()]).when(revision).thenMatches([{ type: 'RecognitionCredentialRevoked' }, { type: 'RecognitionCredentialIssued' }]);
    const { state } = given(recognitionDecider, [issued(), ...events]);
    expect(state.lists['mit.1']).toEqual({ next: 2, revoked: [0], lastRevokedOn: '2026-04-01T10:00:02.000Z' });
    expect(latestOf(state, 'r1')?.credentialId).toBe('urn:uuid:c2');
    expect(state.credentials['urn:uuid:c1'].revoked).toMatchObject({ reason: 'decision-replaced', supersededBy: 'urn:uuid:c2' });
  });
});
