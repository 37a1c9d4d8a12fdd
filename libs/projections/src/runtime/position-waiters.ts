/** Callers waiting for a projector to reach a global position. */
export class PositionWaiters {
  private waiting: { position: number; resolve: () => void; reject: (e: Error) => void; timer: NodeJS.Timeout }[] = [];

  waitFor(position: number, current: number, timeoutMs: number): Promise<void> {
    if (current >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w.timer !== timer);
        reject(new Error(`read models did not reach position ${position} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.push({ position, resolve, reject, timer });
    });
  }

  reached(position: number): void {
    const done = this.waiting.filter((w) => w.position <= position);
    if (done.length === 0) return;
    this.waiting = this.waiting.filter((w) => w.position > position);
    for (const w of done) {
      clearTimeout(w.timer);
      w.resolve();
    }
  }

  rejectAll(error: Error): void {
    for (const w of this.waiting) {
      clearTimeout(w.timer);
      w.reject(error);
    }
    this.waiting = [];
  }
}
