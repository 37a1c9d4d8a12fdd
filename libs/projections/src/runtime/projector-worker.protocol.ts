import { EventStoreOptions } from '@app/event-store';
import { ReadModelOptions } from '../read-model/read-model.options';
import { ProjectorStatus } from './read-model-projector';

/** What the projector worker thread opens: its own store connection and read-model DataSource. */
export interface ProjectorWorkerData {
  store: EventStoreOptions;
  readModel: ReadModelOptions;
  batchSize: number;
}

/** What the worker receives: the data, and the flag behind the 'appended' wake-ups. */
export interface ProjectorWorkerInput extends ProjectorWorkerData {
  appended: SharedArrayBuffer;
}

/**
 * "Appended since the worker last looked", shared by both threads, so that a burst of commits
 * posts one 'appended' message, not one each: the main thread posts only when it raises the flag,
 * the worker clears it before it reads (a commit after the clear raises it again).
 */
export class AppendedFlag {
  private readonly cell: Int32Array;

  constructor(readonly buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.cell = new Int32Array(buffer);
  }

  /** Raises the flag; true when it was down (the caller then posts 'appended'). */
  raise(): boolean {
    return Atomics.exchange(this.cell, 0, 1) === 0;
  }

  clear(): void {
    Atomics.store(this.cell, 0, 0);
  }
}

/** Main thread -> worker. */
export type ToProjectorWorker =
  /** This process appended to the store (the AppendedFlag was raised): read now instead of at the next poll. */
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
