/**
 * Entry point of the projector worker thread (started by WorkerThreadProjector): an
 * EmbeddedProjector on its own event-store connection and read-model DataSource, so applying
 * events to the read models (and re-evaluating progress) never runs on the request thread.
 */
import 'reflect-metadata';
import { LoggerService, Logger } from '@nestjs/common';
import { MessagePort, parentPort, workerData } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import { createEventStore, EventStore } from '@app/event-store';
import { createReadModelDataSource } from '../read-model/create-data-source';
import { EmbeddedProjector } from './embedded-projector';
import { lowerThisThreadPriority } from './thread-priority';
import { AppendedFlag, FromProjectorWorker, ProjectorWorkerInput, ToProjectorWorker, WorkerLogLevel } from './projector-worker.protocol';

/** Hands log lines to the main thread, whose logger (level, format) applies. */
class PortLogger implements LoggerService {
  constructor(private readonly port: MessagePort) {}

  private post(level: WorkerLogLevel, message: unknown, context: unknown): void {
    const text = message instanceof Error ? (message.stack ?? message.message) : String(message);
    this.port.postMessage({ type: 'log', level, context: typeof context === 'string' ? context : 'Projector', message: text } satisfies FromProjectorWorker);
  }

  log(message: unknown, context?: unknown): void {
    this.post('log', message, context);
  }

  error(message: unknown, _trace?: unknown, context?: unknown): void {
    this.post('error', message, context);
  }

  warn(message: unknown, context?: unknown): void {
    this.post('warn', message, context);
  }

  debug(message: unknown, context?: unknown): void {
    this.post('debug', message, context);
  }

  verbose(message: unknown, context?: unknown): void {
    this.post('verbose', message, context);
  }

  fatal(message: unknown, context?: unknown): void {
    this.post('fatal', message, context);
  }
}

/**
 * The projector's nice value: when the CPUs are busy, request handling goes first and the
 * projector catches up in larger (cheaper per event) batches; on idle CPUs it changes nothing.
 */
const PROJECTOR_NICE = 10;

async function run(port: MessagePort, data: ProjectorWorkerInput): Promise<void> {
  const appended = new AppendedFlag(data.appended);
  lowerThisThreadPriority(PROJECTOR_NICE);
  const post = (message: FromProjectorWorker) => port.postMessage(message);
  Logger.overrideLogger(new PortLogger(port));
  let store: EventStore | null = null;
  let db: DataSource | null = null;
  let projector: EmbeddedProjector | null = null;
  // A stop asked for while opening waits until the opening is over, then closes what it opened.
  let opening = true;
  let stopRequested = false;
  let stopping: Promise<void> | null = null;
  const logger = new Logger('Projector');
  const closing = async (what: string, close: () => Promise<void>): Promise<void> => {
    await close().catch((error: unknown) => logger.error(`projector worker: closing ${what} failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  // Whatever fails while closing, the port closes, so the thread ends and the main thread's stop() returns.
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await closing('the projector', async () => projector?.stop());
      await closing('the read models', async () => {
        if (db?.isInitialized) await db.destroy();
      });
      await closing('the event store', async () => store?.close());
      port.close();
    })());
  port.on('message', (message: ToProjectorWorker) => {
    if (message.type === 'appended') {
      appended.clear();
      store?.wakeSubscriptions?.();
    } else if (opening) stopRequested = true;
    else void stop();
  });
  try {
    store = await createEventStore(data.store);
    db = await createReadModelDataSource(data.readModel, 'writer').initialize();
    projector = new EmbeddedProjector(store, db, { batchSize: data.batchSize, onStatus: (status) => post({ type: 'status', status }) });
    await projector.start();
    post({ type: 'started', status: projector.status });
  } catch (error) {
    post({ type: 'start-failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    stopRequested = true;
  }
  opening = false;
  if (stopRequested) await stop();
}

if (parentPort) void run(parentPort, workerData as ProjectorWorkerInput);
