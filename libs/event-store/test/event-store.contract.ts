import {
  DuplicateEventIdError,
  EventStore,
  InvalidAppendError,
  RecordedEvent,
  RestoreRejectedError,
  verifyChain,
  WrongExpectedRevisionError,
} from '../src';
import { collect, events, newEvent, readOwn, recordedChain, uniquePrefix, waitFor } from './contract-fixtures';

export interface ContractTarget {
  /** Opens a store; the suite closes it after each test. */
  open(): Promise<EventStore>;
  /** Changes a stored event's data behind the store's back; absent where the store forbids it. */
  tamper?: (store: EventStore, eventId: string, data: Record<string, unknown>) => Promise<void>;
  /** Whether an event id is unique across streams (SQLite, PostgreSQL) or only within one (EventStoreDB). */
  uniqueIdsAcrossStreams: boolean;
  /** Whether the adapter offers restore (SQLite, PostgreSQL) or cannot place events at given positions (EventStoreDB). */
  restores: boolean;
}

/** The one contract every EventStore adapter must pass. */
export function describeEventStoreContract(name: string, target: ContractTarget): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let prefix: string;
    let start: number;

    beforeEach(async () => {
      store = await target.open();
      prefix = uniquePrefix();
      start = await store.headPosition();
    });
    afterEach(async () => store.close());

    const stream = (name: string): string => `${prefix}-${name}`;
    const countOwn = async (): Promise<number> => (await readOwn(store, prefix, start)).length;

    describe('optimistic concurrency', () => {
      it('appends to a new stream with no-stream, then with the exact revision', async () => {
        const first = await store.append(stream('a'), events(2), 'no-stream');
        expect(first).toMatchObject({ nextExpectedRevision: 1, alreadyStored: false });
        const second = await store.append(stream('a'), events(1), 1);
        expect(second.nextExpectedRevision).toBe(2);
        expect(second.positions[0]).toBeGreaterThan(first.positions[1]);
        expect(await store.streamRevision(stream('a'))).toBe(2);
      });

      it.each([
        ['a wrong exact revision', 0 as const],
        ['no-stream on an existing stream', 'no-stream' as const],
      ])('rejects %s with a typed conflict and writes nothing', async (_label, expected) => {
        await store.append(stream('a'), events(2), 'no-stream');
        const error = await store.append(stream('a'), events(3), expected).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream: stream('a'), expected, actual: 1 });
        expect(await countOwn()).toBe(2);
      });

      it('rejects stream-exists and an exact revision on a missing stream', async () => {
        await expect(store.append(stream('m'), events(1), 'stream-exists')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(store.append(stream('m'), events(1), 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.streamRevision(stream('m'))).toBeNull();
      });

      it('lets exactly one of several racing appends at the same revision win', async () => {
        await store.append(stream('race'), events(1), 'no-stream');
        const results = await Promise.allSettled(
          Array.from({ length: 6 }, () => store.append(stream('race'), events(2), 0)),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        lost.forEach((r) => expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError));
        expect(await collect(store.readStream(stream('race')))).toHaveLength(3);
      });

      it("never reports a conflict for racing appends with 'any'", async () => {
        await store.append(stream('any-race'), events(1), 'no-stream');
        const results = await Promise.allSettled(Array.from({ length: 6 }, () => store.append(stream('any-race'), events(1), 'any')));
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
        const stored = await collect(store.readStream(stream('any-race')));
        expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
        expect(await verifyChain(store.readStream(stream('any-race')))).toEqual({ checked: 7, firstFault: null });
      });

      it('appends with any whatever the revision', async () => {
        await store.append(stream('any'), events(1), 'any');
        const result = await store.append(stream('any'), events(1), 'any');
        expect(result.nextExpectedRevision).toBe(1);
      });
    });

    describe('idempotency by event id', () => {
      it('stores a retried append once and returns the same result', async () => {
        const batch = events(3);
        const first = await store.append(stream('i'), batch, 'no-stream');
        const retry = await store.append(stream('i'), batch, 'no-stream');
        expect(retry).toEqual({ ...first, alreadyStored: true });
        expect(await countOwn()).toBe(3);
      });

      it('recognises a retry of an earlier append after later ones', async () => {
        const batch = events(2);
        const first = await store.append(stream('i'), batch, 'no-stream');
        await store.append(stream('i'), events(2), 1);
        const retry = await store.append(stream('i'), batch, 'no-stream');
        expect(retry.positions).toEqual(first.positions);
        expect(await countOwn()).toBe(4);
      });

      it('rejects a batch mixing stored and new ids and writes nothing', async () => {
        const batch = events(2);
        await store.append(stream('i'), batch, 'no-stream');
        const mixed = [batch[1], newEvent('Other')];
        await expect(store.append(stream('i'), mixed, 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await countOwn()).toBe(2);
      });

      if (target.uniqueIdsAcrossStreams) {
        it('rejects an id already stored in another stream', async () => {
          const batch = events(1);
          await store.append(stream('x'), batch, 'no-stream');
          await expect(store.append(stream('y'), batch, 'no-stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
          expect(await store.streamRevision(stream('y'))).toBeNull();
        });
      }
    });

    describe('validation', () => {
      it.each([
        ['an empty batch', () => []],
        ['a non-UUID id', () => [newEvent('E', {}, { id: 'not-a-uuid' })]],
        ['a bad occurredAt', () => [newEvent('E', {}, { occurredAt: 'yesterday' })]],
        ['an occurredAt without an offset', () => [newEvent('E', {}, { occurredAt: '2026-03-04T05:06:07' })]],
        ['an impossible calendar date', () => [newEvent('E', {}, { occurredAt: '2024-02-30T00:00:00Z' })]],
        ['a year beyond 9999', () => [newEvent('E', {}, { occurredAt: '+010000-01-01T00:00:00Z' })]],
        ['a zero schema version', () => [newEvent('E', {}, { schemaVersion: 0 })]],
        ['the same id twice', () => { const e = newEvent('E'); return [e, e]; }],
      ])('rejects %s and writes nothing', async (_label, make) => {
        await expect(store.append(stream('v'), make(), 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await countOwn()).toBe(0);
      });

      it('rejects an invalid stream name', async () => {
        await expect(store.append('has space', events(1), 'any')).rejects.toBeInstanceOf(InvalidAppendError);
      });
    });

    describe('reading', () => {
      it('round-trips the whole envelope', async () => {
        const sent = newEvent('CredentialAwarded', { credential: { type: 'MicroMasters', courses: ['SC0x', 'SC1x'] }, grade: 0.87 }, {
          occurredAt: '2026-03-04T05:06:07+02:00',
          schemaVersion: 3,
        });
        sent.metadata = { correlationId: 'corr-1', causationId: 'cause-1', actor: { institutionId: 'inst-mitx', role: 'issuer' } };
        const result = await store.append(stream('env'), [sent], 'no-stream');
        const [stored] = await collect(store.readStream(stream('env')));
        expect(stored).toEqual({
          ...sent,
          occurredAt: '2026-03-04T03:06:07.000Z',
          stream: stream('env'),
          revision: 0,
          position: result.positions[0],
          recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          previousHash: null,
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
        const [fromAll] = await readOwn(store, prefix, start);
        expect(fromAll).toEqual(stored);
      });

      it('keeps one global order across interleaved streams', async () => {
        for (let i = 0; i < 5; i += 1) {
          await store.append(stream('p'), [newEvent('E', { i, s: 'p' })], 'any');
          await store.append(stream('q'), [newEvent('E', { i, s: 'q' })], 'any');
        }
        const own = await readOwn(store, prefix, start);
        expect(own.map((e) => `${e.data.s}${e.data.i}`)).toEqual(['p0', 'q0', 'p1', 'q1', 'p2', 'q2', 'p3', 'q3', 'p4', 'q4']);
        own.slice(1).forEach((e, i) => expect(e.position).toBeGreaterThan(own[i].position));
      });

      it('reads in batches, with limit, upTo and fromRevision', async () => {
        await store.append(stream('b'), events(23), 'no-stream');
        const batched = await readOwn(store, prefix, start, 4);
        expect(batched.map((e) => e.revision)).toEqual(Array.from({ length: 23 }, (_, i) => i));
        const limited = await collect(store.readAll({ after: batched[2].position - 1, limit: 5, batchSize: 2 }));
        expect(limited.map((e) => e.revision)).toEqual([2, 3, 4, 5, 6]);
        const bounded = await collect(store.readAll({ after: batched[9].position, upTo: batched[12].position, batchSize: 2 }));
        expect(bounded.map((e) => e.revision)).toEqual([10, 11, 12]);
        const tail = await collect(store.readStream(stream('b'), { fromRevision: 20 }));
        expect(tail.map((e) => e.revision)).toEqual([20, 21, 22]);
        expect(await collect(store.readStream(stream('b'), { fromRevision: 5, limit: 2 }))).toHaveLength(2);
        expect(await collect(store.readStream(stream('nothing')))).toEqual([]);
      });

      it('reads only the types asked for, in global order, batches and limit counting what is returned', async () => {
        // Types of this test only: the store may hold other tests' events (PostgreSQL, EventStoreDB).
        const [wanted, other, also] = ['Wanted', 'Other', 'Also'].map((t) => `${t}${prefix}`);
        for (let i = 0; i < 12; i += 1) {
          await store.append(stream(`t${i % 3}`), [newEvent(i % 4 === 0 ? wanted : i % 4 === 1 ? also : other, { i })], 'any');
        }
        const all = await readOwn(store, prefix, start);
        const ofTypes = (types: string[]) => all.filter((e) => types.includes(e.type));
        const one = await collect(store.readAll({ after: start, types: [wanted], batchSize: 1 }));
        expect(one).toEqual(ofTypes([wanted]));
        expect(one.map((e) => e.data.i)).toEqual([0, 4, 8]);
        const two = await collect(store.readAll({ after: start, types: [also, wanted], batchSize: 2 }));
        expect(two).toEqual(ofTypes([wanted, also]));
        expect(await collect(store.readAll({ after: start, types: [wanted, also], limit: 3, batchSize: 2 }))).toEqual(two.slice(0, 3));
        expect(await collect(store.readAll({ after: one[0].position, upTo: one[2].position - 1, types: [wanted] }))).toEqual([one[1]]);
        expect(await collect(store.readAll({ after: start, types: [] }))).toEqual([]);
        expect(await collect(store.readAll({ after: start, types: ['NoSuchType'] }))).toEqual([]);
      });
    });

    describe('subscriptions', () => {
      it('catches up from a checkpoint, goes live, and resumes without gaps or repeats', async () => {
        const first = await store.append(stream('s'), events(5), 'no-stream');
        const checkpoint = first.positions[1];
        const seen: RecordedEvent[] = [];
        const sub = store.subscribe((e) => { if (e.stream.startsWith(prefix)) seen.push(e); }, { after: checkpoint, batchSize: 2, pollIntervalMs: 50 });
        await waitFor(() => seen.length === 3 && sub.live);
        await store.append(stream('s'), events(2), 4);
        await waitFor(() => seen.length === 5);
        await sub.stop();
        expect(seen.map((e) => e.revision)).toEqual([2, 3, 4, 5, 6]);

        await store.append(stream('s'), events(2), 6);
        const resumed: RecordedEvent[] = [];
        const again = store.subscribe((e) => { if (e.stream.startsWith(prefix)) resumed.push(e); }, { after: seen[seen.length - 1].position, pollIntervalMs: 50 });
        await waitFor(() => resumed.length === 2);
        await again.stop();
        expect(resumed.map((e) => e.revision)).toEqual([7, 8]);
      });

      it('ends with the handler error and delivers nothing after it', async () => {
        await store.append(stream('f'), events(3), 'no-stream');
        const delivered: number[] = [];
        const sub = store.subscribe((e) => {
          if (!e.stream.startsWith(prefix)) return;
          if (e.revision === 1) throw new Error('projector failed');
          delivered.push(e.revision);
        }, { after: start });
        await expect(sub.done).rejects.toThrow('projector failed');
        expect(delivered).toEqual([0]);
      });
    });

    describe('restore (import of recorded events)', () => {
      if (!target.restores) {
        it('does not offer restore: the adapter cannot take positions from a file', () => {
          expect(store.restore).toBeUndefined();
        });
        return;
      }
      const restore = (batch: RecordedEvent[]): Promise<void> => (store.restore as (e: RecordedEvent[]) => Promise<void>)(batch);

      it('stores recorded events verbatim after the head, positions included; appends then continue after them', async () => {
        const head = await store.headPosition();
        const batch = recordedChain([
          { stream: stream('r1'), position: head + 3 },
          { stream: stream('r2'), position: head + 4 },
          { stream: stream('r1'), position: head + 7 },
          { stream: stream('r1'), position: head + 8 },
        ]);
        await restore(batch);
        expect(await readOwn(store, prefix, head)).toEqual(batch);
        expect(await store.headPosition()).toBe(head + 8);
        expect(await store.streamRevision(stream('r1'))).toBe(2);
        const appended = await store.append(stream('r1'), events(1), 2);
        expect(appended.positions[0]).toBeGreaterThan(head + 8);
        expect(await verifyChain(store.readStream(stream('r1')))).toEqual({ checked: 4, firstFault: null });
      });

      it('continues a stream already in the store when the first restored event links to its head', async () => {
        await store.append(stream('c'), events(2), 'no-stream');
        const [, last] = await collect(store.readStream(stream('c')));
        const head = await store.headPosition();
        const batch = recordedChain([{ stream: stream('c'), position: head + 1 }], new Map([[stream('c'), last]]));
        await restore(batch);
        expect(await verifyChain(store.readStream(stream('c')))).toEqual({ checked: 3, firstFault: null });
      });

      it('refuses positions at or before the head, or not increasing, and writes nothing', async () => {
        await store.append(stream('p'), events(1), 'no-stream');
        const head = await store.headPosition();
        await expect(restore(recordedChain([{ stream: stream('q'), position: head }]))).rejects.toBeInstanceOf(RestoreRejectedError);
        const unordered = recordedChain([{ stream: stream('q'), position: head + 5 }, { stream: stream('q'), position: head + 4 }]);
        await expect(restore(unordered)).rejects.toThrow(/positions must increase/);
        expect(await countOwn()).toBe(1);
      });

      it('refuses a batch in which an event does not continue its stream, all or nothing', async () => {
        const head = await store.headPosition();
        const good = recordedChain([{ stream: stream('g'), position: head + 1 }, { stream: stream('g'), position: head + 2 }]);
        const skipped = recordedChain([{ stream: stream('h'), position: head + 3 }, { stream: stream('h'), position: head + 4 }]).slice(1);
        await expect(restore([...good, ...skipped])).rejects.toThrow(/expected revision 0/);
        const relinked = { ...good[1], previousHash: 'f'.repeat(64) };
        await expect(restore([good[0], relinked])).rejects.toThrow(/previousHash does not link/);
        expect(await countOwn()).toBe(0);
        expect(await store.headPosition()).toBe(head);
      });
    });

    describe('hash chain', () => {
      it('links every event of a stream to the previous one', async () => {
        await store.append(stream('h'), events(3), 'no-stream');
        await store.append(stream('h'), events(2), 2);
        const stored = await collect(store.readStream(stream('h')));
        stored.slice(1).forEach((e, i) => expect(e.previousHash).toBe(stored[i].hash));
        expect(await verifyChain(store.readStream(stream('h')))).toEqual({ checked: 5, firstFault: null });
      });

      if (target.tamper) {
        const tamper = target.tamper;
        it('reports a row changed behind the store\'s back', async () => {
          await store.append(stream('h'), events(4), 'no-stream');
          const stored = await collect(store.readStream(stream('h')));
          await tamper(store, stored[2].id, { index: 2, credits: '25' });
          const report = await verifyChain(store.readStream(stream('h')));
          expect(report.firstFault).toMatchObject({ kind: 'hash-mismatch', stream: stream('h'), revision: 2, eventId: stored[2].id });
        });
      }
    });
  });
}
