/**
 * Where a relay keeps its checkpoint: the global position of the last event Kafka acknowledged.
 * Saved only after the acknowledgement, so a crash re-publishes from it (duplicates, never gaps).
 */
export interface RelayCheckpointStore {
  /** The stored checkpoint of `relay`, or -1 when it never published anything. */
  load(relay: string): Promise<number>;
  save(relay: string, position: number): Promise<void>;
  close(): Promise<void>;
}

/** For tests and for a relay whose restart may republish everything. */
export class InMemoryCheckpointStore implements RelayCheckpointStore {
  private readonly positions = new Map<string, number>();

  async load(relay: string): Promise<number> {
    return this.positions.get(relay) ?? -1;
  }

  async save(relay: string, position: number): Promise<void> {
    this.positions.set(relay, position);
  }

  async close(): Promise<void> {}
}
