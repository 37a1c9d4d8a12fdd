/** What POST /credentials/verify answers: the outcome of each check and what the credential says. */

export const CREDENTIAL_FORMATS = ['ob3', 'vc2', 'vc1', 'clr2', 'vc-jwt'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

export const CHECK_NAMES = ['proof', 'issuer', 'status', 'validity', 'schema'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export const CHECK_OUTCOMES = ['passed', 'failed', 'unknown'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export const STATUS_OUTCOMES = ['not-revoked', 'revoked', 'suspended', 'unknown', 'none'] as const;
export type StatusOutcome = (typeof STATUS_OUTCOMES)[number];

export interface Check {
  check: CheckName;
  outcome: CheckOutcome;
  message: string;
}

export interface IssuerReport {
  id: string | null;
  name: string | null;
  trusted: boolean;
  institutionId?: string;
}

export interface Credits {
  value: number | null;
  unit: string | null;
  /** Where the unit comes from (trusted-issuer-registry, elm-creditPoint) or why it is null. */
  source: string;
}

export interface AchievementReport {
  name: string | null;
  achievementType: string | null;
  credits: Credits;
  result: Record<string, unknown>[];
  alignment: Record<string, unknown>[];
}

export interface VerificationReport {
  /** proof, validity and status all passed (and no other check failed); issuer trust is `issuer.trusted`. */
  verified: boolean;
  format: CredentialFormat;
  issuer: IssuerReport;
  checks: Check[];
  status: StatusOutcome;
  subject: { id: string | null; name: string | null };
  achievements: AchievementReport[];
  /** CLR 2.0 only: each assertion of the bundle, verified on its own. */
  assertions?: VerificationReport[];
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
