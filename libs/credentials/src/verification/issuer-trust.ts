import { DidDocumentSource } from '../jsonld/document-loader';
import { TrustedIssuer, TrustedIssuerDirectory } from './trust.ports';
import { Check, IssuerReport, JsonObject, isObject, stringOrNull } from './verification.report';

export function issuerOf(credential: JsonObject): { id: string | null; name: string | null } {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return { id: issuer, name: null };
  if (isObject(issuer)) return { id: stringOrNull(issuer.id), name: stringOrNull(issuer.name) };
  return { id: null, name: null };
}

/** The issuer as the report gives it, and the `issuer` check: trusted only when registered. */
export function issuerCheck(issuer: { id: string | null; name: string | null }, entry: TrustedIssuer | null): { report: IssuerReport; check: Check } {
  if (issuer.id === null) return { report: { id: null, name: issuer.name, trusted: false }, check: { check: 'issuer', outcome: 'failed', message: 'the credential names no issuer id' } };
  if (!entry) {
    return {
      report: { id: issuer.id, name: issuer.name, trusted: false },
      check: { check: 'issuer', outcome: 'failed', message: `issuer ${issuer.id} is not in the trusted-issuer registry: the proof says who signed, not that the issuer is recognised` },
    };
  }
  const report: IssuerReport = { id: issuer.id, name: issuer.name ?? entry.name, trusted: true };
  if (entry.institutionId) report.institutionId = entry.institutionId;
  return { report, check: { check: 'issuer', outcome: 'passed', message: `issuer ${issuer.id} is registered as trusted (${entry.name})` } };
}

/**
 * DID documents of the registry for the offline loader: a DID gives its registered document, a DID
 * URL with a fragment the verification method of that document (with the document's context).
 */
export function registryDidDocuments(directory: TrustedIssuerDirectory): DidDocumentSource {
  return async (didUrl) => {
    const [did] = didUrl.split('#');
    const entry = await directory.find(did);
    if (!entry) return null;
    if (!didUrl.includes('#')) return entry.didDocument;
    const methods = Array.isArray(entry.didDocument.verificationMethod) ? entry.didDocument.verificationMethod : [];
    const method = methods.find((m): m is JsonObject => isObject(m) && (m.id === didUrl || m.id === `#${didUrl.split('#')[1]}`));
    if (!method) return null;
    return { '@context': entry.didDocument['@context'], ...method, id: didUrl };
  };
}
