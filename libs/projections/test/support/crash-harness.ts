import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ReadModelOptions } from '@app/projections';

const ROOT = join(__dirname, '..', '..', '..', '..');
const WORKER = join(__dirname, 'projector-crash.worker.ts');

export type RunOutcome = { killed: true } | { killed: false; code: number | null; output: string };

/** When to kill: `delayMs` after the worker reports a committed checkpoint >= `checkpointAtLeast`. */
export interface KillPoint {
  checkpointAtLeast: number;
  delayMs: number;
}

/**
 * Starts the projector worker and SIGKILLs it at `kill`, unless it exits first (caught up, or
 * failed); `null`: let it run to the end. Killing relative to the progress it reports, rather
 * than to its start, keeps the kills spread over the whole catch-up whatever the projector's speed
 * (a restarted process spends its first few hundred ms loading code and compiling schemas).
 */
export function runProjectorUntilKilled(storeFile: string, readModel: ReadModelOptions, batchSize: number, kill: KillPoint | null): Promise<RunOutcome> {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', WORKER], {
    cwd: ROOT,
    env: { ...process.env, STORE_FILE: storeFile, READ_MODEL_OPTIONS: JSON.stringify(readModel), BATCH_SIZE: String(batchSize), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let timer: NodeJS.Timeout | null = null;
  let killed = false;
  return new Promise((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const reached = Math.max(-1, ...[...output.matchAll(/^batch (\d+)$/gm)].map((m) => Number(m[1])));
      if (kill !== null && timer === null && reached >= kill.checkpointAtLeast) {
        timer = setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, kill.delayMs);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(killed && signal === 'SIGKILL' ? { killed: true } : { killed: false, code, output });
    });
  });
}
