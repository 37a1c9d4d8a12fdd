interface Waiting<T, R> {
  items: readonly T[];
  resolve: (results: R[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: `work` runs one call at a time; the item lists submitted while a call is running
 * are concatenated into the next call (up to `maxItems`, but a submission is never split), and
 * each submitter gets back the results of its own items, or the call's error. A consumer that
 * handles several partitions at once so applies their batches in one transaction instead of one
 * each, and commits each partition's offsets only after that transaction.
 */
export class BatchCoalescer<T, R> {
  private readonly queue: Array<Waiting<T, R>> = [];
  private running = false;

  constructor(
    private readonly work: (items: readonly T[]) => Promise<R[]>,
    private readonly maxItems = 1000,
  ) {}

  submit(items: readonly T[]): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group = [this.queue.shift() as Waiting<T, R>];
        let size = group[0].items.length;
        while (this.queue.length > 0 && size + this.queue[0].items.length <= this.maxItems) {
          const next = this.queue.shift() as Waiting<T, R>;
          group.push(next);
          size += next.items.length;
        }
        try {
          const results = await this.work(group.flatMap((w) => w.items));
          let at = 0;
          for (const waiting of group) {
            waiting.resolve(results.slice(at, at + waiting.items.length));
            at += waiting.items.length;
          }
        } catch (error) {
          for (const waiting of group) waiting.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
