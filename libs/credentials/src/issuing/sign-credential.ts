import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { Json } from '@app/kernel';
import { offlineDocumentLoader } from '../jsonld/document-loader';
import type { KeySigner } from '../keys/institution-keys.service';

const loader = offlineDocumentLoader();

function asJson(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(asJson);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, asJson(v)]));
  throw new TypeError(`a signed credential holds a ${typeof value}`);
}

/**
 * Signs with an eddsa-rdfc-2022 DataIntegrityProof (the digitalbazaar stack does the
 * canonicalisation and the signature), created at `date`: Ed25519 signatures are deterministic,
 * so the same document, key and date give the same bytes. Offline: only shipped contexts.
 */
export async function signCredential(credential: { [key: string]: Json }, signer: KeySigner, date: string): Promise<{ [key: string]: Json }> {
  const suite = new DataIntegrityProof({ signer, date, cryptosuite });
  const signed = asJson(await vc.issue({ credential: structuredClone(credential), suite, documentLoader: loader }));
  if (signed === null || typeof signed !== 'object' || Array.isArray(signed)) throw new TypeError('vc.issue returned no credential object');
  return signed;
}
