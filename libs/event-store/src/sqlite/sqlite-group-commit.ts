import Database from 'better-sqlite3';
import { NewEvent } from '../event-envelope';
import { AppendResult, ExpectedRevision } from '../event-store.port';

type AppendOne = (stream: string, events: NewEvent[], expected: ExpectedRevision) => AppendResult;
type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

interface Pending {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the appends requested during one turn of the event loop are written in ONE
 * SQLite transaction, so they share one fsync (synchronous=FULL) instead of paying one each.
 * Each append runs in its own savepoint (better-sqlite3 nests transactions as savepoints): a
 * conflicting append is rolled back alone and the others commit. Every promise settles only
 * after the commit, so an acknowledged append is exactly as durable as before.
 */
export class SqliteGroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly batch: Database.Transaction<(items: Pending[]) => Outcome[]>;

  constructor(
    db: Database.Database,
    appendOne: Database.Transaction<AppendOne>,
    private readonly onCommitted: () => void,
  ) {
    this.batch = db.transaction((items: Pending[]) =>
      items.map((item): Outcome => {
        try {
          return { ok: true, result: appendOne(item.stream, item.events, item.expected) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  submit(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ stream, events, expected, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const items = this.queue;
    this.queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.batch.immediate(items);
    } catch (error) {
      items.forEach((item) => item.reject(error));
      return;
    }
    if (outcomes.some((outcome) => outcome.ok)) this.onCommitted();
    outcomes.forEach((outcome, index) => (outcome.ok ? items[index].resolve(outcome.result) : items[index].reject(outcome.error)));
  }
}
