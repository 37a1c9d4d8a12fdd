import { isCalendarDate, refuse } from '@app/kernel';

/** Who issued a command, as the deciders see it (from the authenticated principal). */
export interface ActorRef {
  institutionId: string;
  role: string;
}

/** The actor must be a registrar of this institution (403 otherwise). */
export function assertRegistrarOf(actor: ActorRef, institutionId: string, what: string): void {
  if (actor.role !== 'registrar' || actor.institutionId !== institutionId) {
    throw refuse.forbidden('not-registrar-of-institution', `only a registrar of ${institutionId} may ${what}`);
  }
}

/** The actor must be a submitter of this institution (403 otherwise). */
export function assertSubmitterOf(actor: ActorRef, institutionId: string, what: string): void {
  if (actor.role !== 'submitter' || actor.institutionId !== institutionId) {
    throw refuse.forbidden('not-submitter-of-institution', `only a submitter of ${institutionId} may ${what}`);
  }
}

/** YYYY-MM-DD. */
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function assertDate(value: string, path: string): void {
  if (!isCalendarDate(value)) {
    throw refuse.invalid('invalid-date', `expected a date YYYY-MM-DD, got "${value}"`, path);
  }
}
