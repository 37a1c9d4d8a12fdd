import { decodeJwt } from 'jose';
import { asArray, isObject, JsonObject, stringOrNull } from '../verification/verification.report';

/** The credential a JSON-LD document or a compact VC-JWT carries (its `vc` claim, or the payload). */
export function credentialOfInput(input: JsonObject | string): JsonObject {
  if (typeof input !== 'string') return input;
  try {
    const payload = decodeJwt(input.trim()) as JsonObject;
    return isObject(payload.vc) ? payload.vc : payload;
  } catch {
    return {};
  }
}

/** The credentials of a CLR 2.0 bundle (its credentialSubject.verifiableCredential), or the credential itself. */
export function assertionDocuments(credential: JsonObject, clr: boolean): JsonObject[] {
  if (!clr) return [credential];
  return asArray(credential.credentialSubject)
    .filter(isObject)
    .flatMap((s) => asArray(s.verifiableCredential))
    .flatMap((a) => (typeof a === 'string' || isObject(a) ? [credentialOfInput(a)] : []));
}

/** Each achievement object with its subject, in the order the verifier reports them. */
export function achievementObjects(credential: JsonObject): { subject: JsonObject; achievement: JsonObject; credential: JsonObject }[] {
  return asArray(credential.credentialSubject)
    .filter(isObject)
    .flatMap((subject) => asArray(subject.achievement).filter(isObject).map((achievement) => ({ subject, achievement, credential })));
}

/** An EQF level an alignment or an ELM field states ("EQF7", "EQF level 7", targetCode "7" under an EQF framework). */
export function eqfLevelOf(achievement: JsonObject): number | null {
  for (const a of asArray(achievement.alignment).filter(isObject)) {
    const framework = `${stringOrNull(a.targetFramework) ?? ''} ${stringOrNull(a.targetName) ?? ''}`;
    const code = stringOrNull(a.targetCode) ?? '';
    const direct = /^EQF\s*(?:level\s*)?([1-8])$/i.exec(code.trim());
    if (direct) return Number(direct[1]);
    if (/EQF|European Qualifications Framework/i.test(framework) && /^[1-8]$/.test(code.trim())) return Number(code.trim());
  }
  return null;
}

export const validFromOf = (c: JsonObject): string | null => stringOrNull(c.validFrom) ?? stringOrNull(c.issuanceDate);
export const validUntilOf = (c: JsonObject): string | null => stringOrNull(c.validUntil) ?? stringOrNull(c.expirationDate);
