import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { decodeProtectedHeader } from 'jose';
import { CredentialVerification, CredentialVerificationInput, CredentialVerifierPort, StatusListUsed, VerifiedAchievement } from '@app/records';
import { CredentialVerifier } from '../verification/credential-verifier';
import { statusEntries } from '../verification/status-check';
import { STATUS_LISTS, StatusListDirectory, TRUSTED_ISSUERS, TrustedIssuerDirectory } from '../verification/trust.ports';
import { AchievementReport, asArray, isObject, JsonObject, stringOrNull, VerificationReport } from '../verification/verification.report';
import { achievementObjects, assertionDocuments, credentialOfInput, eqfLevelOf, validFromOf, validUntilOf } from './presented-document';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The records context's CredentialVerifierPort on the offline verifier: the verifier's report,
 * plus what the records keep to reproduce a decision later: the signing key and its
 * fingerprint, the status list read (URL, sha-256 of its RFC 8785 JSON, when, from where), the
 * validity window, and per achievement its id, humanCode, field, EQF level and result.
 */
@Injectable()
export class PresentationVerifier implements CredentialVerifierPort {
  constructor(
    private readonly verifier: CredentialVerifier,
    @Inject(TRUSTED_ISSUERS) private readonly issuers: TrustedIssuerDirectory,
    @Inject(STATUS_LISTS) private readonly statusLists: StatusListDirectory,
  ) {}

  async verify(input: CredentialVerificationInput): Promise<CredentialVerification> {
    const referenceDate = input.referenceDate ? new Date(input.referenceDate) : new Date();
    const report = await this.verifier.verify({ credential: input.credential, statusLists: input.statusLists, referenceDate });
    const credential = credentialOfInput(input.credential);
    const key = await this.keyOf(input.credential, credential);
    return {
      verified: report.verified,
      format: report.format,
      issuer: { id: report.issuer.id ?? '(none)', name: report.issuer.name, trusted: report.issuer.trusted, institutionId: report.issuer.institutionId ?? null },
      key,
      checks: report.checks.map((c) => ({ check: c.check, outcome: c.outcome, message: c.message })),
      status: report.status,
      statusList: await this.statusListUsed(credential, input.statusLists ?? []),
      subjectId: report.subject.id,
      validFrom: validFromOf(credential),
      validUntil: validUntilOf(credential),
      achievements: achievementsOf(report, credential),
    };
  }

  /** The verification method that signed it (a JWT's `kid`, a proof's verificationMethod) and the sha-256 of its public key. */
  private async keyOf(input: JsonObject | string, credential: JsonObject): Promise<CredentialVerification['key']> {
    let id: string | null = null;
    if (typeof input === 'string') {
      try {
        id = stringOrNull(decodeProtectedHeader(input.trim()).kid);
      } catch {
        id = null;
      }
    } else {
      const proof = asArray(credential.proof).find(isObject);
      id = proof ? stringOrNull(proof.verificationMethod) : null;
    }
    return { id, fingerprint: id ? await this.fingerprintOf(id) : null };
  }

  private async fingerprintOf(methodId: string): Promise<string | null> {
    const [did, fragment] = methodId.split('#');
    if (did.startsWith('did:key:')) return sha256(did.slice('did:key:'.length));
    const entry = await this.issuers.find(did);
    const methods = asArray(entry?.didDocument.verificationMethod).filter(isObject);
    const method = methods.find((m) => m.id === methodId || m.id === `#${fragment}`) ?? (methods.length === 1 ? methods[0] : undefined);
    const multibase = method ? stringOrNull(method.publicKeyMultibase) : null;
    return multibase ? sha256(multibase) : null;
  }

  /** The list its first status entry was read from: given in the request, else registered. */
  private async statusListUsed(credential: JsonObject, given: unknown[]): Promise<StatusListUsed | null> {
    const entry = statusEntries(credential).entries[0];
    if (!entry) return null;
    for (const item of given) {
      const list = isObject(item) && isObject(item.credential) ? item.credential : isObject(item) ? item : null;
      const url = isObject(item) && typeof item.url === 'string' ? item.url : null;
      if (list && (list.id === entry.url || url === entry.url)) {
        return { url: entry.url, digest: sha256(canonicalize(list) ?? ''), obtainedAt: new Date().toISOString(), source: 'request' };
      }
    }
    const registered = await this.statusLists.find(entry.url);
    return registered ? { url: entry.url, digest: registered.digest, obtainedAt: registered.registeredAt, source: 'registered' } : null;
  }
}

/** The reported achievements with what the records need of each, read from the document(s) in the same order. */
function achievementsOf(report: VerificationReport, credential: JsonObject): VerifiedAchievement[] {
  const objects = assertionDocuments(credential, report.format === 'clr2').flatMap(achievementObjects);
  return report.achievements.map((a, i) => achievementOf(a, objects[i]));
}

function achievementOf(a: AchievementReport, found: ReturnType<typeof achievementObjects>[number] | undefined): VerifiedAchievement {
  const achievement = found?.achievement ?? {};
  const result = a.result.find((r) => stringOrNull(r.value) !== null) ?? a.result[0];
  const achievedOn = found ? (stringOrNull(found.subject.activityEndDate) ?? validFromOf(found.credential)) : null;
  return {
    id: stringOrNull(achievement.id),
    name: a.name ?? stringOrNull(achievement.name) ?? '(unnamed achievement)',
    achievementType: a.achievementType,
    code: stringOrNull(achievement.humanCode),
    fieldOfStudy: stringOrNull(achievement.fieldOfStudy),
    eqfLevel: eqfLevelOf(achievement),
    credits: { value: a.credits.value === null ? null : String(a.credits.value), unit: a.credits.unit, source: a.credits.source },
    result: result ? (stringOrNull(result.value) ?? stringOrNull(result.achievedLevel)) : null,
    achievedOn,
  };
}
