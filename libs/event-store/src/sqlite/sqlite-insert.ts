import Database from 'better-sqlite3';
import { ChainedEvent } from '../prepare-append';

const INSERT = 'INSERT INTO events (id, stream, revision, type, occurred_at, recorded_at, schema_version, data, metadata, previous_hash, hash) VALUES ';
const ROW = '(?,?,?,?,?,?,?,?,?,?,?)';
/** Rows per statement: powers of two up to this, so at most 7 prepared statements exist. */
const LARGEST = 64;

/**
 * Inserts chained events with multi-row INSERT statements (one native call per chunk instead of
 * one per event). Must run inside the append's write transaction: the rows of one statement get
 * consecutive positions (AUTOINCREMENT, the write lock held, no triggers), the last of them
 * reported as lastInsertRowid.
 */
export class SqliteEventInserter {
  private readonly statements = new Map<number, Database.Statement<unknown[]>>();

  constructor(private readonly db: Database.Database) {}

  /** Inserts the rows in order; returns their positions. */
  insert(chained: ChainedEvent[]): number[] {
    const positions = new Array<number>(chained.length);
    let offset = 0;
    while (offset < chained.length) {
      let size = LARGEST;
      while (size > chained.length - offset) size >>= 1;
      const params = new Array<unknown>(size * 11);
      for (let r = 0; r < size; r += 1) bindRow(params, r * 11, chained[offset + r]);
      const last = Number(this.statement(size).run(params).lastInsertRowid);
      for (let r = 0; r < size; r += 1) positions[offset + r] = last - size + 1 + r;
      offset += size;
    }
    return positions;
  }

  private statement(size: number): Database.Statement<unknown[]> {
    let statement = this.statements.get(size);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(INSERT + new Array<string>(size).fill(ROW).join(','));
      this.statements.set(size, statement);
    }
    return statement;
  }
}

function bindRow(params: unknown[], at: number, { event: e, dataJson, metadataJson }: ChainedEvent): void {
  params[at] = e.id;
  params[at + 1] = e.stream;
  params[at + 2] = e.revision;
  params[at + 3] = e.type;
  params[at + 4] = e.occurredAt;
  params[at + 5] = e.recordedAt;
  params[at + 6] = e.schemaVersion;
  params[at + 7] = dataJson;
  params[at + 8] = metadataJson;
  params[at + 9] = e.previousHash;
  params[at + 10] = e.hash;
}
