import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { fold } from '@app/kernel';
import { transferRequestDecider } from '@app/transfer';
import { decided, evaluated, evaluation, submitted } from '../../transfer/test/transfer.fixtures';
import { learnerIri, recognitionCredentialDocument } from '../src/issuing/recognition-credential.document';
import { signCredential } from '../src/issuing/sign-credential';
import { didWebDocument } from '../src/keys/did-documents';

const state = fold(transferRequestDecider, [submitted, evaluated, decided]);
const input = {
  state,
  credentialId: 'urn:uuid:6f1e2d3c-4b5a-4c0a-8e9b-31f45b9e8c0a',
  decision: { eventId: 'e-decided', type: 'ItemsDecided' as const, on: '2026-09-10T12:00:00.000Z' },
  issuer: { did: 'did:key:z6MkTest', name: 'MIT' },
  status: { listUrl: 'https://credits.example.edu/status-lists/mit.1', index: 7 },
};

async function signer() {
  const pair = await Ed25519Multikey.generate();
  const did = `did:key:${pair.publicKeyMultibase}`;
  const full = await Ed25519Multikey.from({ type: 'Multikey', id: `${did}#${pair.publicKeyMultibase}`, controller: did, publicKeyMultibase: pair.publicKeyMultibase, secretKeyMultibase: pair.secretKeyMultibase });
  return { did, sign: full.signer() };
}

describe('the recognition credential document', () => {
  it('states the decision: one result per decided item, the pinned versions as evidence, the status entry', () => {
    const doc = recognitionCredentialDocument(input);
    const subject = doc.credentialSubject as { id: string; result: unknown[]; achievement: { resultDescription: unknown[] } };
    expect(subject.id).toBe(learnerIri(state.request?.learnerId ?? ''));
    expect(subject.result).toHaveLength(decided.data.items.length);
    expect(subject.achievement.resultDescription).toHaveLength(decided.data.items.length);
    expect(JSON.stringify(doc.evidence)).toContain(evaluation.engineVersion);
    expect(doc.credentialStatus).toEqual({ id: 'https://credits.example.edu/status-lists/mit.1#7', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://credits.example.edu/status-lists/mit.1' });
    expect(recognitionCredentialDocument(input)).toEqual(doc);
  });

  it('signs in JSON-LD safe mode (every term defined by VC 2.0 and OB 3.0.3), deterministically for the same key and date', async () => {
    const { did, sign } = await signer();
    const doc = recognitionCredentialDocument({ ...input, issuer: { did, name: 'MIT' } });
    const a = await signCredential(doc, sign, input.decision.on);
    const b = await signCredential(doc, sign, input.decision.on);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2026-09-10T12:00:00Z' });
  });

  it('refuses to sign a term the contexts do not define inside an OB3 object', async () => {
    const { did, sign } = await signer();
    const doc = recognitionCredentialDocument({ ...input, issuer: { did, name: 'MIT' } });
    const subject = doc.credentialSubject as Record<string, unknown>;
    const withUndefined = { ...doc, credentialSubject: { ...subject, achievement: { ...(subject.achievement as object), undefinedTerm: 'x' } } };
    await expect(signCredential(withUndefined, sign, input.decision.on)).rejects.toThrow(/undefinedTerm|safe mode|not defined/i);
  });

  it('a did:web document lists every key, the one in force first, with the did:key each signs as', () => {
    const secretKey = { alg: 'A256GCM' as const, kekId: 'k', iv: '', tag: '', ciphertext: '' };
    const keys = [1, 2].map((sequence) => ({ institutionId: 'mit', sequence, did: `did:key:z${sequence}`, keyId: `did:key:z${sequence}#z${sequence}`, publicKeyMultibase: `z${sequence}`, secretKey, since: '2026-01-01T00:00:00.000Z', retiredOn: null }));
    const doc = didWebDocument('credits.example.edu', 'mit', keys);
    expect(doc).toMatchObject({ id: 'did:web:credits.example.edu:institutions:mit', alsoKnownAs: ['did:key:z2', 'did:key:z1'], assertionMethod: ['did:web:credits.example.edu:institutions:mit#key-2', 'did:web:credits.example.edu:institutions:mit#key-1'] });
  });
});
