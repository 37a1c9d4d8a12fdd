import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, RecordedEvent, SqliteEventStore } from '@app/event-store';
import { exportEvents, exportPredicate, fileLines, importEvents, ImportRefusedError, LineSource, toNdjsonLine, verifyLog } from '../src';
import { collect, seedLog, seedStreams } from './seed-log';

const dir = mkdtempSync(join(tmpdir(), 'audit-export-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const openStore = (): SqliteEventStore => new SqliteEventStore(join(dir, `store-${(counter += 1)}.sqlite`));
const linesOf = (lines: string[]): LineSource => async function* () { yield* lines; };
const exportLines = async (store: EventStore): Promise<string[]> => (await collect(exportEvents(store))).map((e) => toNdjsonLine(e).trimEnd());

describe('export: NDJSON of recorded events, filtered, streamed', () => {
  let store: SqliteEventStore;
  let all: RecordedEvent[];
  const s = seedStreams('x');
  beforeAll(async () => {
    store = openStore();
    await seedLog(store, 'x');
    all = await collect(store.readAll());
  });
  afterAll(() => store.close());
  const exported = async (filter: Parameters<typeof exportEvents>[1]) => (await collect(exportEvents(store, filter))).map((e) => e.position);

  it('one line per event: the full envelope, keys in a fixed order, parseable back to the same event', async () => {
    const line = toNdjsonLine(all[3]);
    expect(line.endsWith('\n')).toBe(true);
    expect(Object.keys(JSON.parse(line))).toEqual(['position', 'id', 'stream', 'revision', 'type', 'occurredAt', 'recordedAt', 'schemaVersion', 'data', 'metadata', 'previousHash', 'hash']);
    expect(JSON.parse(line)).toEqual(all[3]);
    expect(await collect(exportEvents(store))).toEqual(all);
  });

  it('filters by exact stream, category prefix, types, and an inclusive position range', async () => {
    const positionsOf = (pred: (e: RecordedEvent) => boolean) => all.filter(pred).map((e) => e.position);
    expect(await exported({ stream: s.learnerA })).toEqual(positionsOf((e) => e.stream === s.learnerA));
    expect(await exported({ category: 'learner' })).toEqual(positionsOf((e) => e.stream.startsWith('learner-')));
    expect(await exported({ category: 'learn' })).toEqual([]);
    expect(await exported({ types: ['CompletionRecorded', 'ItemsDecided'] })).toEqual(positionsOf((e) => ['CompletionRecorded', 'ItemsDecided'].includes(e.type)));
    expect(await exported({ fromPosition: all[2].position, toPosition: all[5].position })).toEqual(all.slice(2, 6).map((e) => e.position));
    expect(await exported({ stream: s.learnerA, fromPosition: all[4].position, types: ['CompletionRecorded'] })).toEqual([all[5].position]);
  });

  it('filters by recordedAt: since inclusive, until exclusive', () => {
    const at = (recordedAt: string) => ({ ...all[0], recordedAt });
    const matches = exportPredicate({ since: '2026-05-01T00:00:00.000Z', until: '2026-06-01T00:00:00Z' });
    expect([at('2026-04-30T23:59:59.999Z'), at('2026-05-01T00:00:00.000Z'), at('2026-05-31T23:59:59.999Z'), at('2026-06-01T00:00:00.000Z')].map(matches)).toEqual([false, true, true, false]);
  });
});

describe('import: restores an export exactly into an empty store, or refuses it with the line number', () => {
  let source: SqliteEventStore;
  let lines: string[];
  beforeAll(async () => {
    source = openStore();
    await seedLog(source, 'i');
    lines = await exportLines(source);
  });
  afterAll(() => source.close());

  it('round-trips every field, positions included, and the imported log verifies to the source digest', async () => {
    const file = join(dir, 'full.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const target = openStore();
    const phases: string[] = [];
    const summary = await importEvents(target, fileLines(file), { batchSize: 5, onProgress: (phase, done) => phases.push(`${phase}:${done}`) });
    const sourceReport = await verifyLog(source);
    expect(summary).toEqual({ events: 12, streams: 4, digest: sourceReport.digest });
    expect(await collect(target.readAll())).toEqual(await collect(source.readAll()));
    expect(await verifyLog(target)).toMatchObject({ ok: true, checked: 12, digest: sourceReport.digest });
    expect(phases.filter((p) => p.startsWith('restore'))).toEqual(['restore:5', 'restore:10', 'restore:12']);
    await target.close();
  });

  const refusals: [string, (l: string[]) => string[], number, RegExp][] = [
    ['a tampered payload', (l) => l.map((x, i) => (i === 6 ? x.replace('"index":6', '"index":66') : x)), 7, /hash-mismatch/],
    ['two lines swapped', (l) => [...l.slice(0, 3), l[4], l[3], ...l.slice(5)], 5, /out of order/],
    ['a line removed mid-stream', (l) => l.filter((_, i) => i !== 3), 5, /revision-gap/],
    ['a filtered export (one event type only)', (l) => l.filter((x) => x.includes('CompletionRecorded')), 1, /revision-gap/],
    ['a line that is not JSON', (l) => [...l.slice(0, 2), '{"position": 3,', ...l.slice(3)], 3, /not valid JSON/],
    ['a line missing its hash', (l) => l.map((x, i) => (i === 1 ? x.replace(/,"hash":"[0-9a-f]+"/, '') : x)), 2, /hash must be/],
  ];
  it.each(refusals)('refuses %s at its line and writes nothing', async (_label, edit, line, reason) => {
    const target = openStore();
    const error = await importEvents(target, linesOf(edit(lines))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect(error).toMatchObject({ line });
    expect((error as Error).message).toMatch(reason);
    expect(await target.headPosition()).toBe(-1);
    await target.close();
  });

  it('refuses a store that is not empty, and a store that cannot restore', async () => {
    await expect(importEvents(source, linesOf(lines))).rejects.toThrow(/not empty/);
    const target = openStore();
    const noRestore: EventStore = new Proxy(target, {
      get: (store, property) => (property === 'restore' ? undefined : property === 'name' ? 'eventstoredb' : Reflect.get(store, property, store)),
    });
    await expect(importEvents(noRestore, linesOf(lines))).rejects.toThrow(/cannot restore/);
    expect(await target.headPosition()).toBe(-1);
    await target.close();
  });
});
