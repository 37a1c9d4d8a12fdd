/**
 * A level-triggered wake-up for subscriptions: `notify()` bumps a counter, `wait(seen, ms)`
 * returns at once if the counter moved since `seen`, else on the next notify or the timeout.
 * No notification between a read and the wait can be lost.
 */
export class WakeSignal {
  private counter = 0;
  private waiters = new Set<() => void>();

  get current(): number {
    return this.counter;
  }

  notify(): void {
    this.counter += 1;
    const waiters = this.waiters;
    this.waiters = new Set();
    waiters.forEach((wake) => wake());
  }

  wait(seen: number, timeoutMs: number): Promise<void> {
    if (this.counter !== seen) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }
}
