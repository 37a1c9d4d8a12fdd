import { EventStoreOptions } from '@app/event-store';
import { ReadModelOptions } from '../read-model/read-model.options';
import { ProjectorStatus } from './read-model-projector';

/** What the projector worker thread opens: its own store connection and read-model DataSource. */
export interface ProjectorWorkerData {
  store: EventStoreOptions;
  readModel: ReadModelOptions;
  batchSize: number;
}

/** Main thread -> worker. */
export type ToProjectorWorker =
  /** This process appended to the store: read now instead of at the next poll. */
  | { type: 'appended' }
  /** Finish the batch in flight, close the connections and exit. */
  | { type: 'stop' };

export type WorkerLogLevel = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/** Worker -> main thread. */
export type FromProjectorWorker =
  | { type: 'started'; status: ProjectorStatus }
  | { type: 'start-failed'; message: string }
  /** After each committed batch and each failure. */
  | { type: 'status'; status: ProjectorStatus }
  /** The worker's log lines, written by the main thread's logger. */
  | { type: 'log'; level: WorkerLogLevel; context: string; message: string };
