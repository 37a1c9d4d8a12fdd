import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { describeVerifyTampering } from './verify-tampering';

const dir = mkdtempSync(join(tmpdir(), 'audit-verify-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = (store: unknown) => (store as SqliteEventStore).connection;

describeVerifyTampering('SQLite', {
  open: async () => new SqliteEventStore(join(dir, `store-${(counter += 1)}.sqlite`)),
  setData: async (store, id, data) => void db(store).prepare('UPDATE events SET data = ? WHERE id = ?').run(JSON.stringify(data), id),
  setPreviousHash: async (store, id, hash) => void db(store).prepare('UPDATE events SET previous_hash = ? WHERE id = ?').run(hash, id),
  remove: async (store, ids) => void db(store).prepare(`DELETE FROM events WHERE id IN (${ids.map(() => '?').join(',')})`).run(...ids),
});
