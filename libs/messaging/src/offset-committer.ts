import { Offsets } from 'kafkajs';

/** Sends one offset commit to the group coordinator (kafkajs eachBatch's commitOffsetsIfNecessary with offsets). */
export type CommitRequest = (offsets: Offsets) => Promise<void>;

interface PendingOffset {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Group commit of consumer offsets: the offsets marked while a commit request is under way (or
 * within the same turn of the event loop) go out together in the next one, the latest per
 * partition. One request at a time, so a partition's committed offset only moves forward as long
 * as the offsets marked for it do.
 */
export class OffsetCommitter {
  private pending = new Map<string, PendingOffset>();
  private request: CommitRequest | null = null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly onFailed: (error: unknown) => void) {}

  /** Marks `nextOffset` (the next one to read) as the partition's offset to commit. */
  mark(topic: string, partition: number, nextOffset: string, request: CommitRequest): void {
    this.pending.set(`${topic}\u0000${partition}`, { topic, partition, offset: nextOffset });
    this.request = request;
    if (this.flushing === null) this.flushing = this.flush();
  }

  /** Forgets the offsets not yet sent (the group was re-joined: its next generation reads from the committed ones). */
  drop(): void {
    this.pending.clear();
  }

  /** Settles once every offset marked so far was sent and answered (or failed, reported). */
  async idle(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
  }

  /** Sends until nothing is pending (`flushing` is cleared in the same turn as the last check: a later mark starts a new run). */
  private async flush(): Promise<void> {
    try {
      await new Promise<void>((resolve) => setImmediate(resolve)); // the other lanes' commits of the same transaction
      while (this.pending.size > 0 && this.request !== null) {
        const offsets = [...this.pending.values()];
        this.pending = new Map();
        const topics = [...new Set(offsets.map((o) => o.topic))].map((topic) => ({
          topic,
          partitions: offsets.filter((o) => o.topic === topic).map(({ partition, offset }) => ({ partition, offset })),
        }));
        try {
          await this.request({ topics });
        } catch (error) {
          this.onFailed(error);
          // Sent again with the partition's next commit (unless that one carries a later offset).
          for (const o of offsets) {
            const key = `${o.topic}\u0000${o.partition}`;
            if (!this.pending.has(key)) this.pending.set(key, o);
          }
          return;
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}
