import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
import { chainEvents, checkExpectedRevision, resolveAfterFailure, StoredIdRef, validateAppend } from '../prepare-append';
import { PollingSubscription } from '../polling-subscription';
import { WakeSignal } from '../wake-signal';
import { SQLITE_COLUMNS, SQLITE_SCHEMA, SqliteEventRow } from './sqlite-schema';
import { SqliteGroupCommit } from './sqlite-group-commit';
import { SqliteRestore } from './sqlite-restore';


/**
 * The embedded default: one SQLite file in WAL mode. better-sqlite3 is synchronous, so appends
 * from this process are serialised and positions commit in order; other processes writing the
 * same file are serialised by SQLite's write lock (BEGIN IMMEDIATE). Concurrent appends share
 * one transaction and one fsync (SqliteGroupCommit).
 */
export class SqliteEventStore implements EventStore {
  readonly name = 'sqlite';
  private readonly db: Database.Database;
  private readonly appended = new WakeSignal();
  private readonly statements;
  private readonly appendTransaction: Database.Transaction<SqliteEventStore['appendTx']>;
  private readonly groupCommit: SqliteGroupCommit;
  private readonly pingStatement: Database.Statement;

  constructor(path: string, synchronous: 'FULL' | 'NORMAL' = 'FULL') {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${synchronous}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SQLITE_SCHEMA);
    this.statements = {
      head: this.db.prepare<[string], { revision: number; hash: string }>(
        'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      findId: this.db.prepare<[string], StoredIdRef>('SELECT id, stream, revision, position FROM events WHERE id = ?'),
      insert: this.db.prepare(
        `INSERT INTO events (id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      readStream: this.db.prepare<[string, number, number], SqliteEventRow>(
        `SELECT ${SQLITE_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      ).raw(true),
      readAll: this.db.prepare<[number, number, number], SqliteEventRow>(
        `SELECT ${SQLITE_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
      ).raw(true),
      headPosition: this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    };
    this.appendTransaction = this.db.transaction(this.appendTx);
    this.groupCommit = new SqliteGroupCommit(this.db, this.appendTransaction, () => this.appended.notify());
    this.pingStatement = this.db.prepare('SELECT 1');
  }

  private readonly appendTx = (stream: string, events: NewEvent[], expected: ExpectedRevision): AppendResult => {
    const head = this.statements.head.get(stream) ?? null;
    checkExpectedRevision(stream, expected, head ? head.revision : null);
    const chained = chainEvents(stream, events, head, new Date().toISOString());
    const positions = chained.map(({ event: e, dataJson, metadataJson }) => {
      const info = this.statements.insert.run(
        e.id, e.stream, e.revision, e.type, e.occurredAt, e.recordedAt, e.schemaVersion, dataJson, metadataJson, e.previousHash, e.hash,
      );
      return Number(info.lastInsertRowid);
    });
    return { stream, nextExpectedRevision: chained[chained.length - 1].event.revision, positions, alreadyStored: false };
  };

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const valid = validateAppend(stream, events, expected);
    try {
      return await this.groupCommit.submit(stream, valid, expected);
    } catch (error) {
      return resolveAfterFailure(error, stream, valid, (ids) =>
        ids.map((id) => this.statements.findId.get(id)).filter((ref): ref is StoredIdRef => ref !== undefined),
      );
    }
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    let from = options.fromRevision ?? 0;
    let remaining = options.limit ?? Number.MAX_SAFE_INTEGER;
    const batch = 500;
    while (remaining > 0) {
      const rows = this.statements.readStream.all(stream, from, Math.min(batch, remaining));
      for (const row of rows) yield toRecorded(row);
      if (rows.length < Math.min(batch, remaining)) return;
      remaining -= rows.length;
      from = rows[rows.length - 1][3] + 1;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.after ?? -1;
    const upTo = options.upTo ?? Number.MAX_SAFE_INTEGER;
    const batchSize = options.batchSize ?? 500;
    let remaining = options.limit ?? Number.MAX_SAFE_INTEGER;
    while (remaining > 0) {
      const want = Math.min(batchSize, remaining);
      const rows = this.statements.readAll.all(after, upTo, want);
      for (const row of rows) yield toRecorded(row);
      if (rows.length < want) return;
      remaining -= rows.length;
      after = rows[rows.length - 1][0];
    }
  }

  subscribe(handler: EventHandler, options: SubscribeOptions): Subscription {
    return new PollingSubscription((o) => this.readAll(o), this.appended, handler, options);
  }

  async streamRevision(stream: string): Promise<number | null> {
    return this.statements.head.get(stream)?.revision ?? null;
  }

  async headPosition(): Promise<number> {
    return this.statements.headPosition.get()?.position ?? -1;
  }

  /** Restores recorded events verbatim (see EventStore.restore); sqlite-restore.ts does the work. */
  async restore(events: RecordedEvent[]): Promise<void> {
    (this.restorer ??= new SqliteRestore(this.db)).restore(events);
    if (events.length > 0) this.appended.notify();
  }

  private restorer: SqliteRestore | undefined;

  async ping(): Promise<void> {
    this.pingStatement.get();
  }

  async close(): Promise<void> {
    this.appended.notify();
    if (this.db.open) this.db.close();
  }

  /** For tests and tools that must reach behind the store (tamper tests, benchmarks). */
  get connection(): Database.Database {
    return this.db;
  }
}

export function toRecorded(row: SqliteEventRow): RecordedEvent {
  const [position, id, stream, revision, type, occurredAt, recordedAt, schemaVersion, data, metadata, previousHash, hash] = row;
  return {
    id,
    stream,
    revision,
    position,
    type,
    occurredAt,
    recordedAt,
    schemaVersion,
    data: JSON.parse(data),
    metadata: JSON.parse(metadata),
    previousHash,
    hash,
  };
}
