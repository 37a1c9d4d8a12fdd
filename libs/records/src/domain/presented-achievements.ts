import { PresentedAchievement } from './verifiable-credential.events';
import { CredentialVerification, creditUnitOf, VerifiedAchievement } from './verifiable-credential.values';
import { DECIMAL, Grade, LETTER_GRADES } from './records.values';

/** A result as a credential states it ("A", "92", "92%", "Pass") on the records' grade scales, or null. */
export function gradeOfResult(result: string | null): Grade | null {
  if (result === null) return null;
  const value = result.trim();
  if ((LETTER_GRADES as readonly string[]).includes(value.toUpperCase())) return { scale: 'letter', value: value.toUpperCase() };
  const percent = value.replace(/\s*%$/, '');
  if (DECIMAL.test(percent) && Number(percent) <= 100) return { scale: 'percent', value: percent };
  if (/^(pass|passed|p)$/i.test(value)) return { scale: 'pass-fail', value: 'P' };
  if (/^(fail|failed|f)$/i.test(value)) return { scale: 'pass-fail', value: 'F' };
  return null;
}

const dateOf = (value: string | null): string | null => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

function creditOf(a: VerifiedAchievement): Pick<PresentedAchievement, 'credits' | 'unit' | 'noCreditReason'> {
  const { value, unit, source } = a.credits;
  if (value === null) return { credits: null, unit: null, noCreditReason: `the credential states no credit for "${a.name}" (${source})` };
  if (!DECIMAL.test(value) || Number(value) <= 0) return { credits: null, unit: null, noCreditReason: `credit "${value}" of "${a.name}" is not a positive decimal` };
  if (unit === null) return { credits: null, unit: null, noCreditReason: `credit ${value} of "${a.name}" has no determinable unit (${source}); register the issuer's credit unit or state it in the credential` };
  const known = creditUnitOf(unit);
  if (known === null) return { credits: null, unit: null, noCreditReason: `credit unit "${unit}" of "${a.name}" is none of ECTS, US_SEMESTER, US_QUARTER, UK_CATS` };
  return { credits: value, unit: known, noCreditReason: null };
}

/** The verified achievements as recognition evidence (pure): credit only where the unit is known. */
export function presentedAchievementsOf(verification: CredentialVerification, presentedOn: string): PresentedAchievement[] {
  const fallbackDate = dateOf(verification.validFrom) ?? presentedOn;
  return verification.achievements.map((a, index) => ({
    index,
    achievementId: a.id,
    name: a.name,
    achievementType: a.achievementType,
    code: a.code,
    ...creditOf(a),
    eqfLevel: a.eqfLevel !== null && Number.isInteger(a.eqfLevel) && a.eqfLevel >= 1 && a.eqfLevel <= 8 ? a.eqfLevel : null,
    field: a.fieldOfStudy,
    grade: gradeOfResult(a.result),
    achievedOn: dateOf(a.achievedOn) ?? fallbackDate,
  }));
}
