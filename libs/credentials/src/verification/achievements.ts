import { TrustedIssuer } from './trust.ports';
import { AchievementReport, Credits, JsonObject, asArray, isObject, stringOrNull } from './verification.report';

/**
 * The achievements an OB 3.0 credential awards, with their credits. OB 3.0 `creditsEarned` /
 * `creditsAvailable` carry no unit: the unit comes from an ELM `creditPoint` on the achievement
 * (its framework), else from the issuer's registry entry (`creditUnit`), never guessed.
 */
export function achievementsOf(credential: JsonObject, issuer: TrustedIssuer | null): AchievementReport[] {
  return asArray(credential.credentialSubject)
    .filter(isObject)
    .flatMap((subject) =>
      asArray(subject.achievement)
        .filter(isObject)
        .map((achievement) => ({
          name: stringOrNull(achievement.name),
          achievementType: stringOrNull(achievement.achievementType),
          credits: creditsOf(subject, achievement, issuer),
          result: asArray(subject.result).filter(isObject),
          alignment: asArray(achievement.alignment).filter(isObject),
        })),
    );
}

function creditsOf(subject: JsonObject, achievement: JsonObject, issuer: TrustedIssuer | null): Credits {
  const creditPoint = isObject(achievement.creditPoint) ? achievement.creditPoint : null;
  const elmValue = creditPoint ? numberOf(creditPoint.point) : null;
  const value = numberOf(subject.creditsEarned) ?? numberOf(achievement.creditsAvailable) ?? elmValue;
  const framework = creditPoint ? frameworkName(creditPoint.framework) : null;
  if (framework) return { value, unit: framework, source: 'elm-creditPoint: the framework of the achievement’s creditPoint' };
  if (issuer?.creditUnit) return { value, unit: issuer.creditUnit, source: `trusted-issuer-registry: the creditUnit of ${issuer.did}` };
  const why = issuer ? 'its trusted-issuer registry entry states no creditUnit' : 'the issuer is not in the trusted-issuer registry';
  return { value, unit: null, source: `none: OB 3.0 credits carry no unit, the achievement has no ELM creditPoint and ${why}` };
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  return null;
}

function frameworkName(framework: unknown): string | null {
  if (typeof framework === 'string') return framework;
  if (!isObject(framework)) return null;
  const label = framework.prefLabel ?? framework.name ?? framework.id;
  if (typeof label === 'string') return label;
  if (isObject(label)) {
    const first = Object.values(label).find((v) => typeof v === 'string');
    return typeof first === 'string' ? first : null;
  }
  return null;
}
