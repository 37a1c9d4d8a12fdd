/**
 * A start-up refusal an operator can act on: `bootstrap` prints its message as one line (no
 * stack trace) and exits 1. The message says what is wrong and how to recover.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
