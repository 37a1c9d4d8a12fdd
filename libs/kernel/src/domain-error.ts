/**
 * Why a command was refused. The kind decides the HTTP status at the edge:
 * invalid -> 400, forbidden -> 403, not-found -> 404, conflict -> 409 (invalid transition,
 * duplicate, stale state), unprocessable -> 422 (well-formed, but its content fails a check, e.g.
 * a presented credential that does not verify). The code is stable and machine-readable; the message is for people.
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not-found' | 'conflict' | 'unprocessable';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: { path?: string; [key: string]: unknown },
  ) {
    super(message);
  }
}

export const refuse = {
  invalid: (code: string, message: string, path?: string): DomainError => new DomainError('invalid', code, message, path ? { path } : undefined),
  forbidden: (code: string, message: string): DomainError => new DomainError('forbidden', code, message),
  notFound: (code: string, message: string): DomainError => new DomainError('not-found', code, message),
  conflict: (code: string, message: string): DomainError => new DomainError('conflict', code, message),
  /** 422 with fields a client can act on (e.g. `checks` of a failed verification), shown in the answer. */
  unprocessable: (code: string, message: string, fields: { [key: string]: unknown }): DomainError => new DomainError('unprocessable', code, message, { fields }),
};
