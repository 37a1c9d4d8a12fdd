import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DomainError } from '@app/kernel';
import { CREDENTIALS_CONFIG, CredentialsConfig } from '../config/credentials.config';
import { RecognitionIssuer } from './recognition-issuer';

/** The transfer events that change which recognition credential a request has. */
export const RECOGNITION_TRIGGER_TYPES = ['ItemsDecided', 'RequestRevised', 'RequestWithdrawn'] as const;

/**
 * The recognition-credential reactor: follows the log for decisions, revisions and withdrawals of
 * transfer requests and syncs each request's credentials (RecognitionIssuer.sync: issue for the
 * decision in force, revoke the replaced one). At least once and idempotent, so its checkpoint
 * lives in memory: after a restart it walks the decision events again and appends nothing for
 * those already stated. A refusal about one request is logged and the others go on; any other
 * failure is retried with backoff from the same position.
 */
@Injectable()
export class RecognitionReactor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RecognitionCredentials');
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private position = -1;
  private wakeUp: (() => void) | null = null;
  private woken = 0;
  private unsubscribe: () => void = () => undefined;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CREDENTIALS_CONFIG) private readonly config: CredentialsConfig,
    private readonly issuer: RecognitionIssuer,
  ) {}

  get checkpoint(): number {
    return this.position;
  }

  onApplicationBootstrap(): void {
    if (!this.config.issuerEnabled) {
      this.logger.log('recognition-credential reactor off in this process (RECOGNITION_ISSUER=off)');
      return;
    }
    this.running = true;
    this.unsubscribe = this.store.onAppended?.(() => this.wake()) ?? (() => undefined);
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.unsubscribe();
    this.wake();
    await this.loop;
  }

  /** Resolves once every event up to `position` has been handled. */
  waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = { position, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`recognition reactor did not reach position ${position} within ${timeoutMs} ms (at ${this.position})`));
      }, timeoutMs);
      this.waiters.add(waiter);
      this.wake();
    });
  }

  private wake(): void {
    this.woken += 1;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const seen = this.woken;
      try {
        const head = await this.store.headPosition();
        if (head > this.position) await this.pass(head);
        failures = 0;
      } catch (error) {
        failures += 1;
        const delay = Math.min(30_000, 200 * 2 ** Math.min(failures - 1, 16));
        this.logger.error(`pass failed (attempt ${failures}; resuming after position ${this.position} in ${delay} ms): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (this.running) await this.sleep(delay);
        continue;
      }
      if (this.woken === seen && this.running) await this.sleep(250);
    }
  }

  private async pass(head: number): Promise<void> {
    for await (const event of this.store.readAll({ after: this.position, upTo: head, types: RECOGNITION_TRIGGER_TYPES, batchSize: 200 })) {
      if (!this.running) return;
      if (event.stream.startsWith('transfer-')) {
        const requestId = event.stream.slice('transfer-'.length);
        try {
          await this.issuer.sync(requestId);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          this.logger.error(`request ${requestId}: no recognition credential for ${event.type} ${event.id}: ${error.code}: ${error.message}`);
        }
      }
      this.advance(event.position);
    }
    this.advance(head);
  }

  private advance(position: number): void {
    if (position <= this.position) return;
    this.position = position;
    for (const waiter of [...this.waiters]) {
      if (waiter.position <= position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }
}
