import { RecordedEvent } from './event-envelope';
import { EventHandler, ReadAllOptions, SubscribeOptions, Subscription } from './event-store.port';
import { WakeSignal } from './wake-signal';

type ReadAll = (options: ReadAllOptions) => AsyncIterable<RecordedEvent>;

/**
 * Catch-up then live subscription over `readAll`: reads everything after the checkpoint, then
 * sleeps until the store signals an append (or the poll interval passes, for writers in other
 * processes). Correct only over a store whose readAll never returns a position before an
 * earlier-positioned event is visible (both adapters guarantee it at write time).
 */
export class PollingSubscription implements Subscription {
  readonly done: Promise<void>;
  private stopped = false;
  private isLive = false;

  constructor(
    private readonly readAll: ReadAll,
    private readonly appended: WakeSignal,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions,
  ) {
    this.done = this.run();
    // The caller observes failures through `done`; avoid an unhandled rejection meanwhile.
    this.done.catch(() => undefined);
  }

  get live(): boolean {
    return this.isLive;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.appended.notify();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let checkpoint = this.options.after;
    const pollMs = this.options.pollIntervalMs ?? 250;
    while (!this.stopped) {
      const seen = this.appended.current;
      let delivered = 0;
      for await (const event of this.readAll({ after: checkpoint, batchSize: this.options.batchSize })) {
        if (this.stopped) return;
        await this.handler(event);
        checkpoint = event.position;
        delivered += 1;
      }
      if (delivered === 0) {
        this.isLive = true;
        await this.appended.wait(seen, pollMs);
      }
    }
  }
}
