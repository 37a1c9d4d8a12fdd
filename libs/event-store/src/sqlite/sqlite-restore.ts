import Database from 'better-sqlite3';
import { canonicalJson } from '../canonical-json';
import { RecordedEvent } from '../event-envelope';
import { checkRestoreBatch, StoredHead, streamsOf } from '../restore-checks';

/**
 * SqliteEventStore.restore: inserts recorded events as given, explicit positions included, in
 * one IMMEDIATE transaction (all or nothing). AUTOINCREMENT's sequence follows the largest
 * position inserted, so later appends continue after the restored head. data and metadata are
 * stored in canonical JSON, as the append path stores them.
 */
export class SqliteRestore {
  private readonly head: Database.Statement<[string], StoredHead>;
  private readonly headPosition: Database.Statement<[], { position: number | null }>;
  private readonly insert: Database.Statement;
  private readonly transaction: Database.Transaction<(events: RecordedEvent[]) => void>;

  constructor(db: Database.Database) {
    this.head = db.prepare<[string], StoredHead>('SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1');
    this.headPosition = db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events');
    this.insert = db.prepare(
      `INSERT INTO events (position, id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.transaction = db.transaction((events: RecordedEvent[]) => this.restoreTx(events));
  }

  restore(events: RecordedEvent[]): void {
    if (events.length === 0) return;
    this.transaction.immediate(events);
  }

  private restoreTx(events: RecordedEvent[]): void {
    const heads = new Map(streamsOf(events).map((stream) => [stream, this.head.get(stream) ?? null]));
    checkRestoreBatch(events, this.headPosition.get()?.position ?? -1, heads);
    for (const e of events) {
      this.insert.run(
        e.position, e.id, e.stream, e.revision, e.type, e.occurredAt, e.recordedAt, e.schemaVersion,
        canonicalJson(e.data), canonicalJson(e.metadata), e.previousHash, e.hash,
      );
    }
  }
}
