import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '@app/event-store';
import { dropSchema, openPostgresStore, uniqueSchema } from '../../event-store/test/postgres-test-db';
import { exportEvents, importEvents, ImportRefusedError, LineSource, toNdjsonLine, verifyLog } from '../src';
import { collect, seedLog, seedEvent } from './seed-log';

const dir = mkdtempSync(join(tmpdir(), 'audit-import-pg-'));
const schemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const schema of schemas) await dropSchema(schema);
});
const openPg = () => {
  const schema = uniqueSchema('audit_import');
  schemas.push(schema);
  return openPostgresStore(schema);
};
const exportLines = async (store: EventStore): Promise<string[]> => (await collect(exportEvents(store))).map(toNdjsonLine);
const linesOf = (lines: string[]): LineSource => async function* () { yield* lines; };

describe('import into PostgreSQL (restore with the recorded positions)', () => {
  it('SQLite export -> PostgreSQL import -> export again gives the same bytes; digests equal; appends continue after the head', async () => {
    const source = new SqliteEventStore(join(dir, 'source.sqlite'));
    const streams = await seedLog(source, 'pg');
    const lines = await exportLines(source);
    const target = await openPg();
    try {
      const summary = await importEvents(target, linesOf(lines), { batchSize: 4 });
      expect(summary.digest).toEqual((await verifyLog(source)).digest);
      expect(await exportLines(target)).toEqual(lines);
      expect(await verifyLog(target)).toMatchObject({ ok: true, checked: 12, digest: summary.digest });
      const appended = await target.append(streams.learnerA, [seedEvent('CompletionRecorded', { after: 'import' })], 4);
      expect(appended.positions[0]).toBeGreaterThan(await source.headPosition());
      expect(await verifyLog(target)).toMatchObject({ ok: true, checked: 13 });
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('refuses a tampered file with its line number and writes nothing', async () => {
    const source = new SqliteEventStore(join(dir, 'source-2.sqlite'));
    await seedLog(source, 'pt');
    const lines = await exportLines(source);
    lines[8] = lines[8].replace('"index":8', '"index":9');
    const target = await openPg();
    try {
      const error = await importEvents(target, linesOf(lines)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportRefusedError);
      expect(error).toMatchObject({ line: 9 });
      expect(await target.headPosition()).toBe(-1);
    } finally {
      await source.close();
      await target.close();
    }
  });
});
