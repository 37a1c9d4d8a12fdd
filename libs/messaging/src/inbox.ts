/**
 * The inbox: event ids a consumer has already applied. Kafka delivery is at least once (a crash
 * between a handler and its offset commit redelivers), so a consumer drops an event whose id it
 * has seen.
 *
 * A projector's inbox lives in the read-model database: `seen` is checked and `record` is written
 * in the SAME transaction as the read-model change, so a crash leaves both or neither (see
 * ARCHITECTURE.md, "Projections"). This port is what it implements; `InMemoryInbox` is for tests
 * and for handlers whose effect is itself in memory.
 */
export interface Inbox {
  /** True when an event with this id was already applied. */
  seen(eventId: string): Promise<boolean>;
  /** Marks the event as applied. Recording an id twice is not an error. */
  record(eventId: string): Promise<void>;
}

export class InMemoryInbox implements Inbox {
  private readonly ids = new Set<string>();

  async seen(eventId: string): Promise<boolean> {
    return this.ids.has(eventId);
  }

  async record(eventId: string): Promise<void> {
    this.ids.add(eventId);
  }

  get size(): number {
    return this.ids.size;
  }
}
