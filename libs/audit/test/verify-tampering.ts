import { EventStore } from '@app/event-store';
import { verifyLog } from '../src';
import { readStreamEvents, seedLog } from './seed-log';

/** Ways to change stored history behind the store's back, in one adapter's SQL. */
export interface TamperTarget {
  /** A fresh, empty store (a new file or schema per call). */
  open(): Promise<EventStore>;
  setData(store: EventStore, eventId: string, data: Record<string, unknown>): Promise<void>;
  setPreviousHash(store: EventStore, eventId: string, previousHash: string): Promise<void>;
  /** Deletes the events with these ids. */
  remove(store: EventStore, eventIds: string[]): Promise<void>;
}

/**
 * verifyLog against stored rows edited directly: changed data, a changed previous_hash, a row
 * deleted mid-stream, and a stream's tail or a whole stream deleted (invisible to the chains,
 * caught by the recorded global digest). Run on SQLite (npm test) and PostgreSQL (integration).
 */
export function describeVerifyTampering(name: string, target: TamperTarget): void {
  describe(`verifyLog against a tampered ${name} store`, () => {
    let store: EventStore;
    let streams: Awaited<ReturnType<typeof seedLog>>;
    beforeEach(async () => {
      store = await target.open();
      streams = await seedLog(store, 'v');
    });
    afterEach(() => store.close());

    it('passes an intact log: counts, streams, digest at the head, progress reported up to the head', async () => {
      const progress: number[] = [];
      const report = await verifyLog(store, { progressEvery: 5, onProgress: (p) => progress.push(p.checked) });
      const head = await store.headPosition();
      expect(report).toMatchObject({ ok: true, checked: 12, streams: 4, faults: 0, firstFault: null, lastPosition: head, digest: { position: head } });
      expect(report.digest.digest).toMatch(/^[0-9a-f]{64}$/);
      expect(progress).toEqual([5, 10, 12]);
      expect((await verifyLog(store)).digest).toEqual(report.digest);
    });

    it('reports data changed behind the store: hash-mismatch at that stream, revision, position and event id', async () => {
      const [, completion] = await readStreamEvents(store, streams.learnerA);
      await target.setData(store, completion.id, { ...completion.data, grade: '100' });
      const report = await verifyLog(store);
      expect(report).toMatchObject({ ok: false, checked: 12, faults: 1 });
      expect(report.firstFault).toEqual({
        kind: 'hash-mismatch',
        stream: streams.learnerA,
        revision: 1,
        position: completion.position,
        eventId: completion.id,
        detail: expect.stringContaining(completion.hash),
      });
    });

    it('reports a previous_hash changed behind the store as a broken link', async () => {
      const [, evaluated] = await readStreamEvents(store, streams.transfer);
      await target.setPreviousHash(store, evaluated.id, 'a'.repeat(64));
      const report = await verifyLog(store);
      expect(report.ok).toBe(false);
      expect(report.firstFault).toMatchObject({ kind: 'broken-link', stream: streams.transfer, revision: 1, position: evaluated.position, eventId: evaluated.id });
    });

    it('reports a row deleted mid-stream as a revision gap at the next event', async () => {
      const [, first, second] = await readStreamEvents(store, streams.learnerA);
      await target.remove(store, [first.id]);
      const report = await verifyLog(store);
      expect(report).toMatchObject({ ok: false, checked: 11, faults: 1 });
      expect(report.firstFault).toMatchObject({ kind: 'revision-gap', stream: streams.learnerA, revision: 2, position: second.position, eventId: second.id });
      expect(report.firstFault?.detail).toBe('expected revision 1, found 2');
    });

    it('a cut stream tail or a deleted stream passes every chain, but not the digest recorded before', async () => {
      const recorded = (await verifyLog(store)).digest;
      const learnerA = await readStreamEvents(store, streams.learnerA);
      const learnerB = await readStreamEvents(store, streams.learnerB);
      await target.remove(store, [...learnerA.slice(3), ...learnerB].map((e) => e.id));
      const chainsOnly = await verifyLog(store);
      expect(chainsOnly).toMatchObject({ ok: true, checked: 8, streams: 3, faults: 0 });
      const checked = await verifyLog(store, { expectDigest: recorded });
      expect(checked.ok).toBe(false);
      expect(checked.expectedDigest).toMatchObject({ digest: recorded.digest, position: recorded.position, matches: false });
    });

    it('an expected digest at an earlier position still matches after later appends', async () => {
      const recorded = (await verifyLog(store)).digest;
      await store.append(streams.learnerB, [(await import('./seed-log')).seedEvent('CompletionRecorded', { late: true })], 'any');
      const report = await verifyLog(store, { expectDigest: recorded });
      expect(report).toMatchObject({ ok: true, checked: 13, expectedDigest: { matches: true, actual: recorded } });
      expect(report.digest.digest).not.toBe(recorded.digest);
    });
  });
}
