import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from '@app/event-store';

/** How long /health waits for the store before reporting it down. */
const PING_TIMEOUT_MS = 3000;

/** Terminus indicator: up when `EventStore.ping()` answers in time, down with the reason otherwise. */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'eventStore'): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(key);
    const started = Date.now();
    try {
      await withTimeout(this.store.ping(), PING_TIMEOUT_MS);
      return session.up({ adapter: this.store.name, latencyMs: Date.now() - started });
    } catch (error) {
      return session.down({ adapter: this.store.name, message: error instanceof Error ? error.message : String(error) });
    }
  }
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
