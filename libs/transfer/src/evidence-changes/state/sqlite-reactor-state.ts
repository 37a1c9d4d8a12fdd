import Database from 'better-sqlite3';
import { LearnerRequestEntry, ReactorCheckpoint, ReactorStateStore } from './reactor-state.port';

/**
 * The reactor's state in a SQLite file of its own (default `reactors.sqlite` next to the event
 * store's file: a second writer on the store's file would contend for its write lock). WAL,
 * synchronous=NORMAL: a commit lost to a power cut only makes the reactor handle a few events
 * again, which it does idempotently.
 */
export class SqliteReactorState implements ReactorStateStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements: {
    load: Database.Statement<[string], { position: number; event_id: string | null }>;
    requests: Database.Statement<[string, string], { request_id: string }>;
    save: Database.Statement<[string, number, string | null, string]>;
    index: Database.Statement<[string, string, string, number]>;
    resetCheckpoint: Database.Statement<[string]>;
    resetIndex: Database.Statement<[string]>;
  };

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS reactor_checkpoints (
        reactor TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        event_id TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS reactor_learner_requests (
        reactor TEXT NOT NULL,
        learner_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (reactor, learner_id, request_id)
      ) WITHOUT ROWID;
    `);
    this.statements = {
      load: this.db.prepare('SELECT position, event_id FROM reactor_checkpoints WHERE reactor = ?'),
      requests: this.db.prepare('SELECT request_id FROM reactor_learner_requests WHERE reactor = ? AND learner_id = ? ORDER BY position, request_id'),
      save: this.db.prepare(
        `INSERT INTO reactor_checkpoints (reactor, position, event_id, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (reactor) DO UPDATE SET position = excluded.position, event_id = excluded.event_id, updated_at = excluded.updated_at`,
      ),
      index: this.db.prepare('INSERT OR IGNORE INTO reactor_learner_requests (reactor, learner_id, request_id, position) VALUES (?, ?, ?, ?)'),
      resetCheckpoint: this.db.prepare('DELETE FROM reactor_checkpoints WHERE reactor = ?'),
      resetIndex: this.db.prepare('DELETE FROM reactor_learner_requests WHERE reactor = ?'),
    };
  }

  async load(reactor: string): Promise<ReactorCheckpoint | null> {
    const row = this.statements.load.get(reactor);
    return row ? { position: row.position, eventId: row.event_id } : null;
  }

  async requestsOf(reactor: string, learnerId: string): Promise<string[]> {
    return this.statements.requests.all(reactor, learnerId).map((r) => r.request_id);
  }

  async commit(reactor: string, checkpoint: ReactorCheckpoint, entries: readonly LearnerRequestEntry[]): Promise<void> {
    this.db.transaction(() => {
      for (const e of entries) this.statements.index.run(reactor, e.learnerId, e.requestId, e.position);
      this.statements.save.run(reactor, checkpoint.position, checkpoint.eventId, new Date().toISOString());
    })();
  }

  async reset(reactor: string): Promise<void> {
    this.db.transaction(() => {
      this.statements.resetIndex.run(reactor);
      this.statements.resetCheckpoint.run(reactor);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
