import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createList } from '@digitalbazaar/vc-bitstring-status-list';
import { SignJWT, generateKeyPair, exportJWK, importJWK, JWK } from 'jose';
import { randomBytes } from 'crypto';
import { offlineDocumentLoader } from '../../src/jsonld/document-loader';
import type { Json } from './fakes';

/** A generated did:key issuer signing eddsa-rdfc-2022 proofs (test fixtures made here, not shipped). */
export interface TestIssuer {
  did: string;
  sign(credential: Json): Promise<Json>;
  keyPair: Ed25519Multikey.Ed25519KeyPair;
  seed: Uint8Array;
}

const loader = offlineDocumentLoader();

export async function newIssuer(): Promise<TestIssuer> {
  const seed = new Uint8Array(randomBytes(32));
  const probe = await Ed25519Multikey.generate({ seed });
  const did = `did:key:${probe.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.generate({ seed, id: `${did}#${probe.publicKeyMultibase}`, controller: did });
  return {
    did,
    keyPair,
    seed,
    sign: (credential) => vc.issue({ credential, suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 }), documentLoader: loader }),
  };
}

export function ob3Credential(issuer: string, overrides: Json = {}): Json {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${randomUUIDish()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Supply Chain Fundamentals',
    issuer: { id: issuer, type: ['Profile'], name: 'Test University' },
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-1',
      type: ['AchievementSubject'],
      creditsEarned: 4,
      achievement: {
        id: 'https://example.edu/achievements/scm-1',
        type: ['Achievement'],
        name: 'Supply Chain Fundamentals',
        description: 'Foundations of supply chain management',
        criteria: { narrative: 'Pass the final exam' },
        achievementType: 'Course',
        creditsAvailable: 4,
      },
    },
    ...overrides,
  };
}

export function statusEntry(url: string, index: number, purpose: 'revocation' | 'suspension' = 'revocation'): Json {
  return { id: `${url}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: url };
}

export async function statusList(issuer: TestIssuer, id: string, purpose: 'revocation' | 'suspension', setBits: number[]): Promise<Json> {
  const list = await createList({ length: 131072 });
  for (const bit of setBits) list.setStatus(bit, true);
  return issuer.sign({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.did,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: purpose, encodedList: await list.encode() },
  });
}

/** A VC-JWT (VC 2.0 payload, vc+jwt) signed with EdDSA by a did:key issuer. */
export async function eddsaJwt(issuer: TestIssuer, credential: Json): Promise<string> {
  const jwk = await Ed25519Multikey.toJwk({ keyPair: issuer.keyPair });
  const key = await importJWK({ ...jwk, d: Buffer.from(issuer.seed).toString('base64url') }, 'EdDSA');
  return new SignJWT(credential).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: `${issuer.did}#${issuer.keyPair.publicKeyMultibase}` }).sign(key);
}

/** An ES256 key for a did:web issuer whose DID document (publicKeyJwk) the registry holds. */
export async function es256Issuer(did: string): Promise<{ did: string; didDocument: Json; sign(credential: Json): Promise<string> }> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicKeyJwk: JWK = await exportJWK(publicKey);
  const kid = `${did}#key-1`;
  return {
    did,
    didDocument: {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: did,
      verificationMethod: [{ id: kid, type: 'JsonWebKey2020', controller: did, publicKeyJwk }],
      assertionMethod: [kid],
    },
    sign: (credential) => new SignJWT(credential).setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid }).sign(privateKey),
  };
}

function randomUUIDish(): string {
  return randomBytes(16).toString('hex').replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5');
}
