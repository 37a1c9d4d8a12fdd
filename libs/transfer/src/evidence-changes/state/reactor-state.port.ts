/**
 * The durable state of the evidence-change reactor (a process manager), kept apart from the event
 * log: its checkpoint (the last event of the log it has handled) and its index of which requests
 * each learner has (learned from RequestSubmitted, so an evidence change finds its requests
 * without scanning the log). Both change together in one transaction (`commit`).
 *
 * The checkpoint names the event at its position, so a checkpoint that belongs to another log (a
 * store restored or replaced under a kept checkpoint file) is recognised and discarded.
 */
export interface ReactorCheckpoint {
  position: number;
  /** The id of the event at `position` (null when the log was empty or the id is not known). */
  eventId: string | null;
}

/** A learner's request, indexed at the position of its RequestSubmitted. */
export interface LearnerRequestEntry {
  learnerId: string;
  requestId: string;
  position: number;
}

export interface ReactorStateStore {
  /** "sqlite", "postgres" or "memory", for logs and health. */
  readonly kind: string;
  /** The stored checkpoint of `reactor`, or null when it never committed one. */
  load(reactor: string): Promise<ReactorCheckpoint | null>;
  /** The requests indexed for a learner, in the order they were submitted. */
  requestsOf(reactor: string, learnerId: string): Promise<string[]>;
  /** Atomically: the entries added (an entry already there is kept as it is) and the checkpoint set. */
  commit(reactor: string, checkpoint: ReactorCheckpoint, entries: readonly LearnerRequestEntry[]): Promise<void>;
  /** Forgets the checkpoint and the index of `reactor` (it then starts from the beginning of the log). */
  reset(reactor: string): Promise<void>;
  close(): Promise<void>;
}

/** For tests and for a store without durable state (an in-memory event store): nothing survives a restart. */
export class InMemoryReactorState implements ReactorStateStore {
  readonly kind = 'memory';
  private readonly checkpoints = new Map<string, ReactorCheckpoint>();
  private readonly index = new Map<string, LearnerRequestEntry[]>();

  async load(reactor: string): Promise<ReactorCheckpoint | null> {
    const found = this.checkpoints.get(reactor);
    return found ? { ...found } : null;
  }

  async requestsOf(reactor: string, learnerId: string): Promise<string[]> {
    return (this.index.get(`${reactor}\u0000${learnerId}`) ?? [])
      .slice()
      .sort((a, b) => a.position - b.position || (a.requestId < b.requestId ? -1 : 1))
      .map((e) => e.requestId);
  }

  async commit(reactor: string, checkpoint: ReactorCheckpoint, entries: readonly LearnerRequestEntry[]): Promise<void> {
    for (const entry of entries) {
      const key = `${reactor}\u0000${entry.learnerId}`;
      const list = this.index.get(key) ?? [];
      if (!list.some((e) => e.requestId === entry.requestId)) this.index.set(key, [...list, { ...entry }]);
    }
    this.checkpoints.set(reactor, { ...checkpoint });
  }

  async reset(reactor: string): Promise<void> {
    this.checkpoints.delete(reactor);
    for (const key of [...this.index.keys()]) if (key.startsWith(`${reactor}\u0000`)) this.index.delete(key);
  }

  async close(): Promise<void> {}
}
