import { createHash } from 'crypto';
import { DocumentLoader, offlineDocumentLoader } from '../jsonld/document-loader';
import { achievementsOf } from './achievements';
import { ldCredentialFormat } from './credential-format';
import { issuerCheck, issuerOf, registryDidDocuments } from './issuer-trust';
import { verifyJwt } from './jwt-proof';
import { linkedDataProofCheck } from './linked-data-proof';
import { ob3SchemaCheck } from './ob3-schema-check';
import { ListLookup, StatusEntry, statusCheck } from './status-check';
import { StatusListDirectory, TrustedIssuerDirectory } from './trust.ports';
import { dateInside, validityCheck, validityWindow } from './validity-check';
import { Check, CredentialFormat, JsonObject, VerificationReport, asArray, isObject, stringOrNull } from './verification.report';

export interface VerifyRequest {
  /** An embedded-proof credential (OB 3.0, VC 1.1/2.0, CLR 2.0) or a compact VC-JWT. */
  credential: JsonObject | string;
  /** Status list credentials to use, each as is (found by its `id`) or as `{ url, credential }`. */
  statusLists?: unknown[];
  /** The date validity and status lists are judged at; default now. */
  referenceDate?: Date;
}

interface Run {
  referenceDate: Date;
  lists: Map<string, JsonObject>;
}

/** How deep CLR bundles may nest (a CLR's assertions are not CLRs in practice). */
const MAX_DEPTH = 2;

/**
 * The offline verifier: proof (eddsa-rdfc-2022, Ed25519Signature2020, VC-JWT EdDSA/ES256),
 * issuer trust (the trusted-issuer registry), status (Bitstring Status List bits from lists given
 * or registered), validity at a reference date, the OB 3.0 JSON Schema; CLR 2.0 bundles unpacked.
 * `verified` means proof, validity and status passed and no check failed but `issuer`: whether the
 * issuer is trusted is `issuer.trusted` (and the `issuer` check), reported apart. Nothing is fetched.
 */
export class CredentialVerifier {
  private readonly documentLoader: DocumentLoader;
  /** Proof outcome of each status list credential seen, by the sha-256 of its JSON. */
  private readonly listProofs = new Map<string, Promise<Check>>();

  constructor(
    private readonly issuers: TrustedIssuerDirectory,
    private readonly statusLists: StatusListDirectory,
  ) {
    this.documentLoader = offlineDocumentLoader({ didDocuments: registryDidDocuments(issuers) });
  }

  async verify(request: VerifyRequest): Promise<VerificationReport> {
    const lists = new Map<string, JsonObject>();
    for (const item of request.statusLists ?? []) {
      const credential = isObject(item) && isObject(item.credential) ? item.credential : isObject(item) ? item : null;
      if (!credential) continue;
      if (isObject(item) && typeof item.url === 'string') lists.set(item.url, credential);
      if (typeof credential.id === 'string') lists.set(credential.id, credential);
    }
    return this.verifyOne(request.credential, { referenceDate: request.referenceDate ?? new Date(), lists }, 0);
  }

  /** Proof and validity of a status list credential alone (registration), and its issuer. */
  async verifyStatusList(credential: JsonObject, referenceDate: Date): Promise<Check[]> {
    const checks = [await this.listProof(credential), validityCheck(validityWindow(credential), referenceDate)];
    const types = asArray(credential.type);
    const subject = asArray(credential.credentialSubject).find(isObject);
    const shape: Check =
      (types.includes('BitstringStatusListCredential') || types.includes('StatusList2021Credential')) && subject && typeof subject.encodedList === 'string'
        ? { check: 'schema', outcome: 'passed', message: `a ${String(types.find((t) => t !== 'VerifiableCredential'))} with an encodedList` }
        : { check: 'schema', outcome: 'failed', message: 'not a BitstringStatusListCredential (or StatusList2021Credential) with a credentialSubject.encodedList' };
    return [...checks, shape];
  }

  private async verifyOne(input: JsonObject | string, run: Run, depth: number): Promise<VerificationReport> {
    let credential: JsonObject;
    let format: CredentialFormat;
    let proof: Check;
    if (typeof input === 'string') {
      const jwt = await verifyJwt(input.trim(), this.issuers);
      format = 'vc-jwt';
      credential = jwt?.credential ?? {};
      proof = jwt?.check ?? { check: 'proof', outcome: 'failed', message: 'the credential string is not a compact JWS (header.payload.signature, a JSON object payload)' };
    } else {
      credential = input;
      format = ldCredentialFormat(input);
      proof = await linkedDataProofCheck(input, this.documentLoader, dateInside(validityWindow(input), run.referenceDate));
    }
    const issuer = issuerOf(credential);
    const entry = issuer.id ? await this.issuers.find(issuer.id) : null;
    const trust = issuerCheck(issuer, entry);
    const validity = validityCheck(validityWindow(credential), run.referenceDate);
    const status = await statusCheck(credential, (e) => this.findList(e, issuer.id, run));
    const kind = format === 'vc-jwt' ? ldCredentialFormat(credential) : format;
    // A CLR bundle is reported as clr2 in either envelope (embedded proof or VC-JWT).
    if (kind === 'clr2') format = 'clr2';
    const schema: Check =
      kind === 'ob3'
        ? ob3SchemaCheck(credential)
        : { check: 'schema', outcome: 'unknown', message: kind === 'clr2' ? 'no CLR 2.0 JSON Schema is shipped; each assertion is checked against the OB 3.0 one' : 'not an Open Badge: no JSON Schema applies' };
    const checks = [proof, trust.check, status.check, validity, schema];
    const assertions = kind === 'clr2' ? await this.assertionsOf(credential, run, depth) : undefined;
    const verified =
      proof.outcome === 'passed' &&
      validity.outcome === 'passed' &&
      status.check.outcome === 'passed' &&
      schema.outcome !== 'failed' &&
      (assertions ?? []).every((a) => a.verified) &&
      (kind !== 'clr2' || (assertions ?? []).length > 0);
    const subject = asArray(credential.credentialSubject).find(isObject);
    const report: VerificationReport = {
      verified,
      format,
      issuer: trust.report,
      checks,
      status: status.status,
      subject: { id: subject ? stringOrNull(subject.id) : null, name: subject ? stringOrNull(subject.name) : null },
      achievements: assertions ? assertions.flatMap((a) => a.achievements) : achievementsOf(credential, entry),
    };
    if (assertions) report.assertions = assertions;
    return report;
  }

  private async assertionsOf(clr: JsonObject, run: Run, depth: number): Promise<VerificationReport[]> {
    if (depth >= MAX_DEPTH) return [];
    const items = asArray(clr.credentialSubject).filter(isObject).flatMap((s) => asArray(s.verifiableCredential));
    const reports: VerificationReport[] = [];
    for (const item of items) if (typeof item === 'string' || isObject(item)) reports.push(await this.verifyOne(item, run, depth + 1));
    return reports;
  }

  private async findList(entry: StatusEntry, issuerId: string | null, run: Run): Promise<ListLookup> {
    const credential = run.lists.get(entry.url) ?? (await this.statusLists.find(entry.url))?.credential ?? null;
    if (!credential) return null;
    const proof = await this.listProof(credential);
    if (proof.outcome !== 'passed') return { credential, problem: proof.message };
    const validity = validityCheck(validityWindow(credential), run.referenceDate);
    if (validity.outcome !== 'passed') return { credential, problem: validity.message };
    const listIssuer = issuerOf(credential).id;
    if (listIssuer !== issuerId) return { credential, problem: `issued by ${listIssuer ?? 'no one'}, not by the credential's issuer ${issuerId ?? '(none)'}` };
    return { credential, problem: null };
  }

  private listProof(credential: JsonObject): Promise<Check> {
    const digest = createHash('sha256').update(JSON.stringify(credential)).digest('hex');
    let check = this.listProofs.get(digest);
    if (!check) {
      check = linkedDataProofCheck(credential, this.documentLoader, dateInside(validityWindow(credential), new Date()));
      if (this.listProofs.size > 1000) this.listProofs.clear();
      this.listProofs.set(digest, check);
    }
    return check;
  }
}
