import { canonicalJson, hashStoredEvent, RecordedEvent, SerializedRecordedEvent, SqliteEventStore } from '../src';
import { newEvent } from './contract-fixtures';

describe('SqliteEventStore.readAllSerialized', () => {
  it('given stored events, hands out the exact canonical text their hashes cover, in global order', async () => {
    const store = new SqliteEventStore(':memory:');
    await store.append('s-1', [newEvent('A', { z: 1, a: { y: [1, 'x'], b: null } }), newEvent('B', { 'é': 'ü' })], 'no-stream');
    await store.append('s-2', [newEvent('C', { n: 1.5 })], 'no-stream');
    const parsed: RecordedEvent[] = [];
    for await (const e of store.readAll()) parsed.push(e);
    const serialized: SerializedRecordedEvent[] = [];
    for await (const e of store.readAllSerialized({ after: -1, batchSize: 2 })) serialized.push(e);
    expect(serialized.map((e) => e.position)).toEqual(parsed.map((e) => e.position));
    serialized.forEach((e, i) => {
      expect(e.dataJson).toBe(canonicalJson(parsed[i].data));
      expect(e.metadataJson).toBe(canonicalJson(parsed[i].metadata));
      expect(hashStoredEvent(e)).toBe(e.hash);
    });
    await store.close();
  });
});
