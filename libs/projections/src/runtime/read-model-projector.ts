/** What a projector reports: whether it runs, the position the read models reflect, consecutive failures. */
export interface ProjectorStatus {
  running: boolean;
  /** Global position the read models reflect (committed; everything up to it is applied). */
  checkpoint: number;
  /** Consecutive failed attempts (0 once a batch commits). */
  failures: number;
}

/**
 * The projector that feeds the read models from the event store in embedded mode, on this
 * thread (EmbeddedProjector) or on a worker thread (WorkerThreadProjector). Also the Nest token
 * under which ProjectionsModule provides it.
 */
export abstract class ReadModelProjector {
  /** Global position the read models reflect (committed). */
  abstract get checkpoint(): number;

  abstract get status(): ProjectorStatus;

  abstract start(): Promise<void>;

  /** Stops after the batch in flight commits (or fails); pending waitFor calls reject. */
  abstract stop(): Promise<void>;

  /** Resolves once the read models reflect `position` (or rejects after `timeoutMs`, default 5 s). */
  abstract waitFor(position: number, timeoutMs?: number): Promise<void>;
}
