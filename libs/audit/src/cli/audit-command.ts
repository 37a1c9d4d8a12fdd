import { Writable } from 'node:stream';
import { EventStore } from '@app/event-store';

/** What a command gets from the dispatcher: the configured store, the output streams, progress bars. */
export interface CliContext {
  /** Opens the event store the environment configures (EVENT_STORE, SQLITE_PATH, DATABASE_URL…); the command closes it. */
  openStore(): Promise<EventStore>;
  stdout: Writable;
  stderr: Writable;
  /** A progress display on stderr (a no-op when stderr is not a terminal, unless forced). */
  progress(label: string): Progress;
}

export interface Progress {
  start(total: number): void;
  update(value: number, detail?: Record<string, string | number>): void;
  stop(): void;
}

/** Exit codes: 0 ok; 1 an integrity fault (verify) or a refused import; 2 a usage error. */
export const EXIT = { ok: 0, fault: 1, usage: 2 } as const;

/**
 * One `npm run audit -- <name> …` command. Register it in commands.ts (one line): the dispatcher
 * lists it in the help, routes to it, and turns UsageError into exit code 2.
 */
export interface AuditCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full usage text, printed on `help <name>` and after a usage error. */
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

/** A bad command line: the dispatcher prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
