import { createEventStore, EventStore } from '@app/event-store';
import { eventStoreOptionsFrom, toAppConfig, validateEnv } from '@app/platform';
import { CliContext, Progress } from './audit-command';
import { progressBar } from './progress-bar';

const silent: Progress = { start: () => undefined, update: () => undefined, stop: () => undefined };

/**
 * The context of the real CLI: the store the environment configures (validated as the app
 * validates it), process stdout/stderr, and progress bars on stderr when it is a terminal
 * (AUDIT_PROGRESS=1 forces them, AUDIT_PROGRESS=0 hides them).
 */
export function processCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const terminal = process.stderr.isTTY === true;
  const bars = env.AUDIT_PROGRESS === undefined ? terminal : env.AUDIT_PROGRESS === '1';
  return {
    openStore: (): Promise<EventStore> => createEventStore(eventStoreOptionsFrom(toAppConfig(validateEnv(env)))),
    stdout: process.stdout,
    stderr: process.stderr,
    progress: (label) => (bars ? progressBar(process.stderr, label, !terminal) : silent),
  };
}
