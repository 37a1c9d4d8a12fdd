import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { JWK, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { TrustedIssuerDirectory } from './trust.ports';
import { Check, JsonObject, isObject, stringOrNull } from './verification.report';

const ALGORITHMS = ['EdDSA', 'ES256'];

export interface DecodedJwt {
  /** The credential the JWT carries: `vc` (VC 1.1 JWT, with iss/nbf/exp/jti/sub folded in) or the payload (VC 2.0, vc+jwt). */
  credential: JsonObject;
  check: Check;
}

/**
 * Verifies a compact VC-JWT (EdDSA or ES256) with `jose`. The key: the header's `kid` (else `iss`),
 * a did:key (Ed25519) resolved locally, other DIDs from the trusted-issuer registry's document
 * (publicKeyJwk or an Ed25519 publicKeyMultibase). Returns null when the text is no JWS at all.
 */
export async function verifyJwt(jwt: string, directory: TrustedIssuerDirectory): Promise<DecodedJwt | null> {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  let header: { alg?: string; kid?: string };
  let payload: JsonObject;
  try {
    header = decodeProtectedHeader(jwt);
    const decoded: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (!isObject(decoded)) return null;
    payload = decoded;
  } catch {
    return null;
  }
  const credential = credentialOf(payload);
  const fail = (message: string): DecodedJwt => ({ credential, check: { check: 'proof', outcome: 'failed', message } });
  if (!header.alg || !ALGORITHMS.includes(header.alg)) return fail(`JWT alg ${JSON.stringify(header.alg)} is not supported (EdDSA, ES256)`);
  const iss = stringOrNull(payload.iss) ?? issuerIdOf(credential);
  const kid = header.kid ? (header.kid.startsWith('#') && iss ? `${iss}${header.kid}` : header.kid) : iss;
  if (!kid) return fail('the JWT names no key: no kid and no iss');
  if (iss && !kid.startsWith(`${iss}#`) && kid !== iss) return fail(`the JWT key ${kid} is not one of its issuer ${iss}`);
  const jwk = await keyOf(kid, directory);
  if (!jwk) return fail(`unknown document ${kid}: not a did:key and not in the trusted-issuer registry`);
  try {
    const key = await importJWK(jwk, header.alg);
    await compactVerify(jwt, key, { algorithms: [header.alg] });
  } catch (error) {
    return fail(`JWT ${header.alg} signature not verified: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { credential, check: { check: 'proof', outcome: 'passed', message: `VC-JWT ${header.alg} signature verified with ${kid}` } };
}

function credentialOf(payload: JsonObject): JsonObject {
  if (!isObject(payload.vc)) return payload;
  const vc: JsonObject = { ...payload.vc };
  if (typeof payload.iss === 'string' && vc.issuer === undefined) vc.issuer = payload.iss;
  if (typeof payload.jti === 'string' && vc.id === undefined) vc.id = payload.jti;
  if (typeof payload.nbf === 'number' && vc.issuanceDate === undefined && vc.validFrom === undefined) vc.validFrom = new Date(payload.nbf * 1000).toISOString();
  if (typeof payload.exp === 'number' && vc.expirationDate === undefined && vc.validUntil === undefined) vc.validUntil = new Date(payload.exp * 1000).toISOString();
  return vc;
}

function issuerIdOf(credential: JsonObject): string | null {
  return typeof credential.issuer === 'string' ? credential.issuer : isObject(credential.issuer) ? stringOrNull(credential.issuer.id) : null;
}

async function keyOf(kid: string, directory: TrustedIssuerDirectory): Promise<JWK | null> {
  const [did, fragment] = kid.split('#');
  if (did.startsWith('did:key:z6Mk')) {
    if (fragment && fragment !== did.slice('did:key:'.length)) return null;
    return ed25519Jwk(did.slice('did:key:'.length));
  }
  const entry = await directory.find(did);
  if (!entry) return null;
  const methods = Array.isArray(entry.didDocument.verificationMethod) ? entry.didDocument.verificationMethod.filter(isObject) : [];
  const method = fragment ? methods.find((m) => m.id === kid || m.id === `#${fragment}`) : methods[0];
  if (!method) return null;
  if (isObject(method.publicKeyJwk)) return method.publicKeyJwk as JWK;
  if (typeof method.publicKeyMultibase === 'string' && method.publicKeyMultibase.startsWith('z6Mk')) return ed25519Jwk(method.publicKeyMultibase);
  return null;
}

async function ed25519Jwk(publicKeyMultibase: string): Promise<JWK | null> {
  try {
    const keyPair = await Ed25519Multikey.from({ type: 'Multikey', publicKeyMultibase });
    return await Ed25519Multikey.toJwk({ keyPair });
  } catch {
    return null;
  }
}
