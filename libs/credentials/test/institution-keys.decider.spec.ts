import { given } from '@app/testing';
import { currentKey, institutionKeysDecider, NewKey } from '../src/keys/institution-keys.decider';
import { InstitutionKeyEvent } from '../src/keys/institution-keys.events';

const secret = { alg: 'A256GCM' as const, kekId: '0123456789abcdef', iv: 'aXY=', tag: 'dGFn', ciphertext: 'Y3Q=' };
const key = (n: string): NewKey => ({ did: `did:key:z6Mk${n}`, keyId: `did:key:z6Mk${n}#z6Mk${n}`, publicKeyMultibase: `z6Mk${n}`, secretKey: secret });
const generated: InstitutionKeyEvent = { type: 'InstitutionKeyGenerated', data: { institutionId: 'mit', sequence: 1, ...key('A'), generatedOn: '2026-01-01T00:00:00.000Z' } };

describe('institution keys decider', () => {
  it('generates the first key when none exists, and then appends nothing', () => {
    given(institutionKeysDecider).when({ kind: 'EnsureKey', institutionId: 'mit', key: key('A'), on: '2026-01-01T00:00:00.000Z' }).then([generated]);
    given(institutionKeysDecider, [generated]).when({ kind: 'EnsureKey', institutionId: 'mit', key: key('B'), on: '2026-02-01T00:00:00.000Z' }).then([]);
  });

  it('a rotation replaces the key in force with the next sequence (its status list)', () => {
    given(institutionKeysDecider, [generated]).when({ kind: 'RotateKey', institutionId: 'mit', key: key('B'), reason: 'scheduled', on: '2026-02-01T00:00:00.000Z' }).then([
      { type: 'InstitutionKeyRotated', data: { institutionId: 'mit', sequence: 2, ...key('B'), previousKeyId: key('A').keyId, reason: 'scheduled', rotatedOn: '2026-02-01T00:00:00.000Z' } },
    ]);
  });

  it('a first rotation of an institution without a key generates one', () => {
    given(institutionKeysDecider).when({ kind: 'RotateKey', institutionId: 'mit', key: key('A'), reason: null, on: '2026-01-01T00:00:00.000Z' }).then([generated]);
  });

  it('refuses a key it already has', () => {
    given(institutionKeysDecider, [generated]).when({ kind: 'RotateKey', institutionId: 'mit', key: key('A'), reason: null, on: '2026-02-01T00:00:00.000Z' }).thenRefuses('conflict', 'key-exists');
  });

  it('folds: the old key retired at the rotation, the new one in force', () => {
    const [rotated] = given(institutionKeysDecider, [generated]).when({ kind: 'RotateKey', institutionId: 'mit', key: key('B'), reason: null, on: '2026-02-01T00:00:00.000Z' }).thenMatches([{ type: 'InstitutionKeyRotated' }]);
    const { state } = given(institutionKeysDecider, [generated, rotated]);
    expect(state.keys.map((k) => [k.sequence, k.retiredOn])).toEqual([[1, '2026-02-01T00:00:00.000Z'], [2, null]]);
    expect(currentKey(state)?.did).toBe('did:key:z6MkB');
  });
});
