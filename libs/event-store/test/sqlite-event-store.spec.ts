import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src';
import { describeEventStoreContract } from './event-store.contract';

const dir = mkdtempSync(join(tmpdir(), 'es-sqlite-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEventStoreContract('sqlite', {
  uniqueIdsAcrossStreams: true,
  open: async () => new SqliteEventStore(join(dir, `store-${(counter += 1)}.sqlite`)),
  tamper: async (store, eventId, data) => {
    (store as SqliteEventStore).connection
      .prepare('UPDATE events SET data = ? WHERE id = ?')
      .run(JSON.stringify(data), eventId);
  },
});
