import { Check, JsonObject, stringOrNull } from './verification.report';

export interface ValidityWindow {
  from: string | null;
  until: string | null;
}

/** validFrom/validUntil (VC 2.0), issuanceDate/expirationDate (VC 1.1). */
export function validityWindow(credential: JsonObject): ValidityWindow {
  return {
    from: stringOrNull(credential.validFrom) ?? stringOrNull(credential.issuanceDate),
    until: stringOrNull(credential.validUntil) ?? stringOrNull(credential.expirationDate),
  };
}

/** A date inside the window, for checking the proof apart from the validity (vc rejects expired first). */
export function dateInside(window: ValidityWindow, referenceDate: Date): Date {
  const from = window.from ? Date.parse(window.from) : NaN;
  const until = window.until ? Date.parse(window.until) : NaN;
  if (!Number.isNaN(from)) return new Date(from);
  if (!Number.isNaN(until) && until < referenceDate.getTime()) return new Date(until - 1000);
  return referenceDate;
}

export function validityCheck(window: ValidityWindow, referenceDate: Date): Check {
  const at = referenceDate.toISOString();
  const from = window.from === null ? null : Date.parse(window.from);
  const until = window.until === null ? null : Date.parse(window.until);
  if (from !== null && Number.isNaN(from)) return { check: 'validity', outcome: 'failed', message: `validFrom "${window.from}" is not a date-time` };
  if (until !== null && Number.isNaN(until)) return { check: 'validity', outcome: 'failed', message: `validUntil "${window.until}" is not a date-time` };
  if (from !== null && from > referenceDate.getTime()) return { check: 'validity', outcome: 'failed', message: `not yet valid: validFrom ${window.from} is after ${at}` };
  if (until !== null && until < referenceDate.getTime()) return { check: 'validity', outcome: 'failed', message: `expired: validUntil ${window.until} is before ${at}` };
  const span = [window.from ? `from ${window.from}` : null, window.until ? `until ${window.until}` : null].filter(Boolean).join(' ');
  return { check: 'validity', outcome: 'passed', message: span ? `valid ${span} at ${at}` : `no validity window; valid at ${at}` };
}
