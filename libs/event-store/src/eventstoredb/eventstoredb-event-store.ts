import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  Position,
  ReadPosition,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { NewEvent, RecordedEvent } from '../event-envelope';
import {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { chainEvents, checkExpectedRevision, resolveRetry, StoredIdRef, validateAppend } from '../prepare-append';
import { PollingSubscription } from '../polling-subscription';
import { WakeSignal } from '../wake-signal';
import { EsdbRecord, fromEsdb, isOurs, toEsdbMetadata } from './eventstoredb-mapping';

/** Records per backward page when looking for our latest event. */
const HEAD_PAGE = 4096;

/**
 * EventStoreDB adapter (distributed mode). The hash chain needs the previous event's hash, so an
 * append reads the stream head and appends with that exact revision; the server's optimistic
 * check then turns any race into a typed conflict. Global position = the commit position.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly name = 'eventstoredb';
  private readonly appended = new WakeSignal();
  private readonly liveWatch;

  private constructor(private readonly client: EventStoreDBClient) {
    // Server-side push only wakes the subscriptions; delivery always goes through readAll.
    this.liveWatch = client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    this.liveWatch.on('data', () => this.appended.notify());
    this.liveWatch.on('error', () => undefined);
  }

  static async connect(connectionString: string): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
    await store.ping();
    return store;
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const valid = validateAppend(stream, events, expected);
    // The hash chain needs the previous event's hash, so every append is made at the exact head
    // revision it read. For 'any' / 'stream-exists' a concurrent writer moving the head is not a
    // conflict: re-read the head and try again (bounded).
    for (let attempt = 1; ; attempt += 1) {
      const retry = resolveRetry(stream, valid, await this.findIds(stream, valid));
      if (retry) return retry;
      const head = await this.head(stream);
      checkExpectedRevision(stream, expected, head ? head.revision : null);
      const rows = chainEvents(stream, valid, head, new Date().toISOString()).map((c) => c.event);
      try {
        await this.client.appendToStream(
          stream,
          rows.map((row) => jsonEvent({ id: row.id, type: row.type, data: row.data, metadata: toEsdbMetadata(row) })),
          { expectedRevision: head ? BigInt(head.revision) : NO_STREAM },
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const loose = expected === 'any' || expected === 'stream-exists';
        if (loose && attempt < 5) continue;
        const again = resolveRetry(stream, valid, await this.findIds(stream, valid));
        if (again) return again;
        throw new WrongExpectedRevisionError(stream, expected, await this.streamRevision(stream));
      }
      this.appended.notify();
      const stored: number[] = [];
      for await (const event of this.readStream(stream, { fromRevision: rows[0].revision, limit: rows.length })) {
        stored.push(event.position);
      }
      return { stream, nextExpectedRevision: rows[rows.length - 1].revision, positions: stored, alreadyStored: false };
    }
  }

  /** Ids of this append already stored in the stream (scans the stream backwards). */
  private async findIds(stream: string, events: NewEvent[]): Promise<StoredIdRef[]> {
    const wanted = new Set(events.map((event) => event.id));
    const found: StoredIdRef[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END })) {
        const record = resolved.event as EsdbRecord | undefined;
        if (record && wanted.has(record.id)) {
          found.push({ id: record.id, stream, revision: Number(record.revision), position: Number(record.position?.commit ?? -1) });
          if (found.length === wanted.size) break;
        }
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return found;
  }

  private async head(stream: string): Promise<{ revision: number; hash: string } | null> {
    for await (const event of this.readStreamRaw(stream, END, BACKWARDS, 1)) {
      return { revision: event.revision, hash: event.hash };
    }
    return null;
  }

  private async *readStreamRaw(
    stream: string,
    from: bigint | typeof START | typeof END,
    direction: typeof FORWARDS | typeof BACKWARDS,
    maxCount: number,
  ): AsyncIterable<RecordedEvent> {
    try {
      for await (const resolved of this.client.readStream(stream, { fromRevision: from, direction, maxCount })) {
        const record = resolved.event as EsdbRecord | undefined;
        if (record && isOurs(record)) yield fromEsdb(record);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const from = BigInt(options.fromRevision ?? 0);
    return this.readStreamRaw(stream, from, FORWARDS, options.limit ?? Number.MAX_SAFE_INTEGER);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after ?? -1;
    const upTo = options.upTo ?? Number.MAX_SAFE_INTEGER;
    const batchSize = options.batchSize ?? 500;
    let remaining = options.limit ?? Number.MAX_SAFE_INTEGER;
    const types = options.types ? new Set(options.types) : null;
    if (types?.size === 0) return;
    // A page read from a position starts with the record at it, already seen: each page after
    // the first asks for one more, and starts at the exact position of the last record read, so
    // every full page moves on (with batchSize 1 a page of one seen record never did).
    let from: ReadPosition = after < 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };
    while (remaining > 0) {
      const maxCount = from === START ? batchSize : batchSize + 1;
      let raw = 0;
      let last: Position | undefined;
      for await (const resolved of this.client.readAll({ fromPosition: from, direction: FORWARDS, maxCount })) {
        raw += 1;
        const record = resolved.event as EsdbRecord | undefined;
        if (!record?.position) continue;
        last = record.position;
        const position = Number(record.position.commit);
        if (position <= after) continue;
        after = position;
        if (position > upTo) return;
        if (!isOurs(record) || (types && !types.has(record.type))) continue;
        yield fromEsdb(record);
        remaining -= 1;
        if (remaining === 0) return;
      }
      if (raw < maxCount || !last) return;
      from = last;
    }
  }

  subscribe(handler: EventHandler, options: SubscribeOptions): Subscription {
    return new PollingSubscription((o) => this.readAll(o), this.appended, handler, options);
  }

  async streamRevision(stream: string): Promise<number | null> {
    return (await this.head(stream))?.revision ?? null;
  }

  /**
   * The position of our latest event. The latest records of $all may be the server's own (e.g.
   * $stats every 30 s): it pages back until one of ours (it used to give up after 4,096 records,
   * and report -1 for a store idle for a day and a half).
   */
  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      let raw = 0;
      let last: Position | undefined;
      for await (const resolved of this.client.readAll({ fromPosition: from, direction: BACKWARDS, maxCount: HEAD_PAGE })) {
        raw += 1;
        const record = resolved.event as EsdbRecord | undefined;
        if (!record?.position) continue;
        if (isOurs(record)) return Number(record.position.commit);
        last = record.position;
      }
      if (raw < HEAD_PAGE || !last) return -1;
      from = last;
    }
  }

  async ping(): Promise<void> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) {
      void resolved;
    }
  }

  async close(): Promise<void> {
    this.appended.notify();
    await this.liveWatch.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }
}
