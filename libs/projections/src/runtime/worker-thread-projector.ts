import { Logger } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EventStore } from '@app/event-store';
import { PositionWaiters } from './position-waiters';
import { AppendedFlag, FromProjectorWorker, ProjectorWorkerData, ProjectorWorkerInput, ToProjectorWorker } from './projector-worker.protocol';
import { ProjectorStatus, ReadModelProjector } from './read-model-projector';
import { retryDelayMs } from './retry-delay';

/** How long stop() waits for the worker to finish its batch and close before terminating it. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Starts projector-worker in a worker thread: the compiled .js next to this file, or, when this
 * runs from TypeScript source (jest, `node -r @swc-node/register`), the .ts through the same
 * on-the-fly compiler.
 */
function startProjectorWorker(data: ProjectorWorkerInput): Worker {
  const ext = extname(__filename);
  const entry = join(__dirname, `projector-worker${ext}`);
  if (ext === '.js') return new Worker(entry, { workerData: data });
  const source = `if (!require.extensions['.ts']) require('@swc-node/register'); require(${JSON.stringify(entry)});`;
  return new Worker(source, { eval: true, workerData: data });
}

/**
 * The embedded projector on a worker thread (projector-worker.ts runs an EmbeddedProjector there
 * with its own store connection and read-model DataSource): the request thread only appends and
 * posts a wake-up per burst of commits (AppendedFlag). Same guarantees as EmbeddedProjector, which does the work: each
 * batch and its checkpoint in one transaction, resume from the checkpoint, retry with backoff,
 * stop() after the batch in flight. This side keeps the committed checkpoint the worker reports
 * (for waitFor and the query API) and restarts a worker that dies, with backoff.
 */
export class WorkerThreadProjector extends ReadModelProjector {
  private readonly logger = new Logger('Projector');
  private readonly waiters = new PositionWaiters();
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private reported: ProjectorStatus = { running: false, checkpoint: -1, failures: 0 };
  private running = false;
  /** Consecutive worker deaths (a worker that reaches 'started' resets it). */
  private crashes = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private unwatchAppends: (() => void) | null = null;
  private appended = new AppendedFlag();

  constructor(
    private readonly store: EventStore,
    private readonly data: ProjectorWorkerData,
  ) {
    super();
  }

  override get checkpoint(): number {
    return this.reported.checkpoint;
  }

  override get status(): ProjectorStatus {
    return { running: this.running, checkpoint: this.reported.checkpoint, failures: this.reported.failures + this.crashes };
  }

  override async start(): Promise<void> {
    this.running = true;
    // Appends of this process wake the worker at once; other writers' appends are polled for.
    this.unwatchAppends =
      this.store.onAppended?.(() => {
        if (this.appended.raise()) this.post({ type: 'appended' });
      }) ?? null;
    await this.spawn();
  }

  override waitFor(position: number, timeoutMs = 5_000): Promise<void> {
    return this.waiters.waitFor(position, this.reported.checkpoint, timeoutMs);
  }

  override async stop(): Promise<void> {
    this.running = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.unwatchAppends?.();
    const worker = this.worker;
    if (worker) {
      this.post({ type: 'stop' });
      const timeout = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
      await this.exited;
      clearTimeout(timeout);
    }
    this.waiters.rejectAll(new Error('projector stopped'));
  }

  private post(message: ToProjectorWorker): void {
    this.worker?.postMessage(message);
  }

  /** Starts a worker; resolves once it has read its checkpoint and subscribed, rejects if it cannot. */
  private spawn(): Promise<void> {
    this.appended = new AppendedFlag();
    const worker = startProjectorWorker({ ...this.data, appended: this.appended.buffer });
    this.worker = worker;
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    return new Promise<void>((resolve, reject) => {
      let started = false;
      let startError: Error | null = null;
      worker.on('message', (message: FromProjectorWorker) => {
        switch (message.type) {
          case 'started':
            started = true;
            this.crashes = 0;
            this.onStatus(message.status);
            resolve();
            break;
          case 'start-failed':
            startError = new Error(`projector worker could not start: ${message.message}`);
            break;
          case 'status':
            this.onStatus(message.status);
            break;
          case 'log':
            this.logger[message.level](message.message, message.context);
            break;
        }
      });
      worker.on('error', (error) => {
        if (started) this.logger.error(`projector worker failed: ${error.stack ?? error.message}`);
        else startError ??= error;
      });
      worker.once('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        if (!started) reject(startError ?? new Error(`projector worker exited (code ${code}) before starting`));
        else if (this.running) this.restartLater(`projector worker exited (code ${code})`);
      });
    });
  }

  private onStatus(status: ProjectorStatus): void {
    this.reported = status;
    this.waiters.reached(status.checkpoint);
  }

  private restartLater(reason: string): void {
    this.crashes += 1;
    const delay = retryDelayMs(this.crashes);
    this.logger.error(`${reason}; restarting it in ${delay} ms (attempt ${this.crashes})`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.running) this.spawn().catch((error: unknown) => this.running && this.restartLater(error instanceof Error ? error.message : String(error)));
    }, delay);
  }
}
