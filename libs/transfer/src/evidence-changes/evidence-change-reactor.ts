import { EventStore, RecordedEvent } from '@app/event-store';
import { DomainError } from '@app/kernel';
import { evidenceChangeOf, REACTOR_EVENT_TYPES } from './evidence-change-of';
import { flagRequest, FlagOutcome } from './flag-request';
import { RequestReevaluator } from './request-reevaluator';
import { LearnerRequestEntry, ReactorCheckpoint, ReactorStateStore } from './state/reactor-state.port';

export interface ReactorLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface EvidenceChangeReactorOptions {
  /** The checkpoint's name (one per reactor). Default `evidence-changes`. */
  name?: string;
  /** Poll interval for appends made by other processes (in-process SQLite appends wake it at once). Default 250 ms. */
  pollIntervalMs?: number;
  /** Events read per round trip. Default 200. */
  batchSize?: number;
  /** How often a checkpoint that only moved over unrelated events is saved. Default 1000 ms. */
  checkpointIntervalMs?: number;
  /** Backoff after a failed pass: first and longest delay. Default 200 ms, 30 s. */
  retryDelayMs?: { first: number; max: number };
  /** Called after each request handled for an evidence change. */
  onOutcome?: (outcome: { requestId: string; causeEventId: string; outcome: FlagOutcome | 'refused' }) => void;
  log?: ReactorLog;
}

export interface ReactorStatus {
  running: boolean;
  /** Position up to which every event has been handled (saved at `saved`, or later). */
  checkpoint: number;
  saved: number;
  failures: number;
  flagged: number;
  refused: number;
}

const silent: ReactorLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
type IndexEntry = LearnerRequestEntry & { eventId: string };

/**
 * The evidence-change reactor (a process manager of the transfer context): follows the event log
 * from its durable checkpoint, reading only the events it needs (RequestSubmitted, to index each
 * learner's requests; revocations, regrades and withdrawals), and for each evidence change flags
 * the learner's requests whose evaluation in force rests on the changed completion or credential
 * (see flagRequest). At least once and idempotent: the checkpoint and the index are committed
 * after the appends, so a crash in between handles the change again, which appends nothing (the
 * requests already record it). It never reacts to its own events (not of a type it reads).
 */
export class EvidenceChangeReactor {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private position = -1;
  private savedCheckpoint: ReactorCheckpoint = { position: -1, eventId: null };
  private lastSaveAt = 0;
  private failures = 0;
  private flagged = 0;
  private refused = 0;
  private wakeCounter = 0;
  private wakeUp: (() => void) | null = null;
  private unsubscribe: () => void = () => undefined;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();
  private readonly name: string;
  private readonly log: ReactorLog;

  constructor(
    private readonly store: EventStore,
    private readonly state: ReactorStateStore,
    private readonly reevaluator: RequestReevaluator,
    private readonly options: EvidenceChangeReactorOptions = {},
  ) {
    this.name = options.name ?? 'evidence-changes';
    this.log = options.log ?? silent;
  }

  get status(): ReactorStatus {
    return { running: this.running, checkpoint: this.position, saved: this.savedCheckpoint.position, failures: this.failures, flagged: this.flagged, refused: this.refused };
  }

  get checkpoint(): number {
    return this.position;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error('EvidenceChangeReactor already started');
    this.savedCheckpoint = await this.validCheckpoint();
    this.position = this.savedCheckpoint.position;
    this.running = true;
    this.unsubscribe = this.store.onAppended?.(() => this.wake()) ?? (() => undefined);
    this.loop = this.run();
    this.log.info(`reactor "${this.name}" following the event store after position ${this.position} (state: ${this.state.kind})`);
  }

  /** Stops after the event in hand; saves the checkpoint reached. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe();
    this.wake();
    await this.loop;
    await this.saveIfMoved(true).catch((error: unknown) => this.log.warn(`reactor "${this.name}": checkpoint not saved at stop: ${describe(error)}`));
  }

  /** Resolves once every event up to `position` has been handled (for tests and read-your-writes). */
  waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter = { position, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`reactor "${this.name}" did not reach position ${position} within ${timeoutMs} ms (at ${this.position})`));
      }, timeoutMs);
      this.waiters.add(waiter);
      this.wake();
    });
  }

  /** The stored checkpoint, unless it names an event this log does not hold at its position (another log): then from the start. */
  private async validCheckpoint(): Promise<ReactorCheckpoint> {
    const stored = await this.state.load(this.name);
    if (!stored || stored.position < 0) return { position: -1, eventId: null };
    const at = await this.eventAt(stored.position);
    if (at && (stored.eventId === null || at.id === stored.eventId)) return stored;
    this.log.warn(`reactor "${this.name}": checkpoint ${stored.position} (${stored.eventId ?? 'no id'}) is not an event of this log; starting from the beginning`);
    await this.state.reset(this.name);
    return { position: -1, eventId: null };
  }

  private async eventAt(position: number): Promise<RecordedEvent | null> {
    for await (const event of this.store.readAll({ after: position - 1, limit: 1, batchSize: 1 })) return event.position === position ? event : null;
    return null;
  }

  private wake(): void {
    this.wakeCounter += 1;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const seen = this.wakeCounter;
      try {
        const head = await this.store.headPosition();
        if (head > this.position) await this.pass(head);
        await this.saveIfMoved(false);
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        const { first, max } = this.options.retryDelayMs ?? { first: 200, max: 30_000 };
        const delay = Math.min(max, first * 2 ** Math.min(this.failures - 1, 16));
        this.log.error(`reactor "${this.name}": pass failed (attempt ${this.failures}; resuming after position ${this.position} in ${delay} ms): ${describe(error)}`);
        if (this.running) await this.sleepUntilWoken(delay);
        continue;
      }
      if (this.wakeCounter === seen && this.running) await this.sleepUntilWoken(this.options.pollIntervalMs ?? 250);
    }
  }

  private sleepUntilWoken(ms: number): Promise<void> {
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

  /** Handles every event after the checkpoint up to `head`, committing after each evidence change. */
  private async pass(head: number): Promise<void> {
    let pending: IndexEntry[] = [];
    for await (const event of this.store.readAll({ after: this.position, upTo: head, types: REACTOR_EVENT_TYPES, batchSize: this.options.batchSize ?? 200 })) {
      if (!this.running) return;
      if (event.type === 'RequestSubmitted') {
        const entry = submittedEntryOf(event);
        if (entry) pending.push(entry);
        continue;
      }
      const change = evidenceChangeOf(event);
      if (!change) continue;
      const requests = new Set([...(await this.state.requestsOf(this.name, change.learnerId)), ...pending.filter((e) => e.learnerId === change.learnerId).map((e) => e.requestId)]);
      for (const requestId of requests) await this.handle(requestId, change, event);
      await this.commit({ position: event.position, eventId: event.id }, pending);
      pending = [];
    }
    if (pending.length > 0) {
      const last = pending[pending.length - 1];
      await this.commit({ position: last.position, eventId: last.eventId }, pending);
    }
    this.advance(head);
  }

  private async handle(requestId: string, change: NonNullable<ReturnType<typeof evidenceChangeOf>>, event: RecordedEvent): Promise<void> {
    let outcome: FlagOutcome | 'refused';
    try {
      outcome = await flagRequest(this.store, this.reevaluator, requestId, change, event.revision);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // A refusal is about this request (e.g. its pinned policy can no longer be read): the other requests go on.
      outcome = 'refused';
      this.refused += 1;
      this.log.error(`reactor "${this.name}": request ${requestId} not flagged for ${event.type} ${event.id}: ${error.code}: ${error.message}`);
    }
    if (outcome === 'flagged') {
      this.flagged += 1;
      this.log.info(`reactor "${this.name}": request ${requestId} flagged: ${event.type} ${event.id} at position ${event.position}`);
    }
    this.options.onOutcome?.({ requestId, causeEventId: event.id, outcome });
  }

  private async commit(checkpoint: ReactorCheckpoint, entries: readonly LearnerRequestEntry[]): Promise<void> {
    await this.state.commit(this.name, checkpoint, entries.map(({ learnerId, requestId, position }) => ({ learnerId, requestId, position })));
    this.savedCheckpoint = checkpoint;
    this.lastSaveAt = Date.now();
    this.advance(checkpoint.position);
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

  /** A checkpoint that only moved over events of no interest is saved at most every checkpointIntervalMs (or when stopping). */
  private async saveIfMoved(force: boolean): Promise<void> {
    if (this.position <= this.savedCheckpoint.position) return;
    if (!force && Date.now() - this.lastSaveAt < (this.options.checkpointIntervalMs ?? 1000)) return;
    const at = await this.eventAt(this.position);
    await this.commit({ position: this.position, eventId: at?.id ?? null }, []);
  }
}

/** A RequestSubmitted as an index entry: the learner, the request (from the stream name) and where. */
function submittedEntryOf(event: RecordedEvent): IndexEntry | null {
  const learnerId = (event.data as { learnerId?: unknown }).learnerId;
  if (!event.stream.startsWith('transfer-') || typeof learnerId !== 'string') return null;
  return { learnerId, requestId: event.stream.slice('transfer-'.length), position: event.position, eventId: event.id };
}

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));
