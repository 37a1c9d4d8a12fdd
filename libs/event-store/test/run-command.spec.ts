import { Decider, DomainError, DomainEvent, refuse } from '@app/kernel';
import { RevisionConflictError, runCommand, SqliteEventStore } from '../src';

type Counted = DomainEvent<'Counted', { by: number }>;
type Count = { by: number; max: number; mustExist?: boolean; forbidden?: boolean };
const counter: Decider<Count, number, Counted> = {
  initialState: 0,
  decide: (command, total) => {
    if (command.mustExist && total === 0) throw refuse.notFound('counter-not-found', 'no such counter');
    if (command.forbidden) throw refuse.forbidden('not-yours', 'not your counter');
    if (command.by === 0) return [];
    if (total + command.by > command.max) throw refuse.conflict('over-max', `would exceed ${command.max}`);
    return [{ type: 'Counted', data: { by: command.by } }];
  },
  evolve: (total, event) => total + event.data.by,
};

const actor = { institutionId: 'inst-a', role: 'issuer' };
const ctx = (extra = {}) => ({ actor, correlationId: 'corr', ...extra });

describe('runCommand', () => {
  let store: SqliteEventStore;
  beforeEach(() => { store = new SqliteEventStore(':memory:'); });
  afterEach(() => store.close());

  it('decides on the folded state and appends at the revision it read', async () => {
    await runCommand(store, counter, 'c-1', { by: 2, max: 5 }, ctx());
    const outcome = await runCommand(store, counter, 'c-1', { by: 3, max: 5 }, ctx());
    expect(outcome).toMatchObject({ revision: 1, replayed: false });
    expect(outcome.events[0]).toMatchObject({ type: 'Counted', data: { by: 3 }, metadata: { actor, correlationId: 'corr' } });
    await expect(runCommand(store, counter, 'c-1', { by: 1, max: 5 }, ctx())).rejects.toBeInstanceOf(DomainError);
  });

  it('refuses a stale If-Match revision and appends nothing: a revision conflict naming the resource, not the stream', async () => {
    await runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx());
    const refused = runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx({ expectedRevision: 3 }), { resource: { type: 'counter', id: '1' } });
    await expect(refused).rejects.toBeInstanceOf(RevisionConflictError);
    await expect(refused).rejects.toMatchObject({
      kind: 'conflict',
      code: 'revision-conflict',
      details: { fields: { resource: { type: 'counter', id: '1' }, expectedRevision: 3, currentRevision: 0 } },
    });
    await expect(refused).rejects.toThrow(/^counter 1 changed since you read it/);
    await expect(refused).rejects.not.toThrow(/c-1/);
    expect(await store.streamRevision('c-1')).toBe(0);
  });

  it('with If-Match on a stream that does not exist, the decider’s 404 comes first; a command it accepts is a conflict', async () => {
    await expect(runCommand(store, counter, 'c-2', { by: 1, max: 9, mustExist: true }, ctx({ expectedRevision: 0 }))).rejects.toMatchObject({ kind: 'not-found', code: 'counter-not-found' });
    await expect(runCommand(store, counter, 'c-2', { by: 1, max: 9 }, ctx({ expectedRevision: 0 }))).rejects.toMatchObject({
      code: 'revision-conflict',
      details: { fields: { expectedRevision: 0, currentRevision: null } },
    });
    expect(await store.streamRevision('c-2')).toBeNull();
  });

  it('with a stale If-Match, a 403 still stands, while any other refusal gives way to the conflict', async () => {
    await runCommand(store, counter, 'c-3', { by: 1, max: 9 }, ctx());
    await expect(runCommand(store, counter, 'c-3', { by: 1, max: 9, forbidden: true }, ctx({ expectedRevision: 4 }))).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(runCommand(store, counter, 'c-3', { by: 20, max: 9 }, ctx({ expectedRevision: 4 }))).rejects.toMatchObject({ code: 'revision-conflict' });
    await expect(runCommand(store, counter, 'c-3', { by: 20, max: 9 }, ctx({ expectedRevision: 0 }))).rejects.toMatchObject({ code: 'over-max' });
  });

  it('replays an idempotent retry: same outcome, nothing new appended', async () => {
    const first = await runCommand(store, counter, 'c-1', { by: 4, max: 5 }, ctx({ idempotencyKey: 'k1', requestHash: 'h1' }));
    // The retry would be refused if decided again (4 + 4 > 5): it must be recognised instead.
    const retry = await runCommand(store, counter, 'c-1', { by: 4, max: 5 }, ctx({ idempotencyKey: 'k1', requestHash: 'h1' }));
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await store.streamRevision('c-1')).toBe(0);
  });

  it('answers the global position of the last event stored; a replay, of the stored events; a no-op, of the stream head', async () => {
    await store.append('other', [{ id: crypto.randomUUID(), type: 'Other', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1, data: {}, metadata: { correlationId: 'x', causationId: null, actor } }], 'no-stream');
    const first = await runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx({ idempotencyKey: 'k1', requestHash: 'h1' }));
    expect(first.position).toBe(first.events[0].position);
    expect(first.position).toBe(await store.headPosition());
    await runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx());
    const replay = await runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx({ idempotencyKey: 'k1', requestHash: 'h1' }));
    expect(replay).toMatchObject({ replayed: true, position: first.position });
    const head = await store.headPosition();
    const noop = await runCommand(store, counter, 'c-1', { by: 0, max: 9 }, ctx());
    expect(noop).toMatchObject({ events: [], position: head, revision: 1 });
    expect(await runCommand(store, counter, 'c-none', { by: 0, max: 9 }, ctx())).toMatchObject({ events: [], position: null, revision: null });
  });

  it("stores the context's occurred-at on the command's events, else the time of the append", async () => {
    const at = await runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx({ occurredAt: '2025-03-01T00:00:00.000Z' }));
    expect(at.events[0].occurredAt).toBe('2025-03-01T00:00:00.000Z');
    const before = new Date().toISOString();
    const now = await runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx());
    expect(now.events[0].occurredAt >= before).toBe(true);
  });

  it('notBeforeLastEvent: refuses (400 /occurredAt) a step dated before the previous one, and appends nothing', async () => {
    await runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx({ occurredAt: '2026-05-01T10:00:00.000Z' }));
    const early = runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx({ occurredAt: '2026-05-01T09:59:59.999Z' }), { notBeforeLastEvent: true });
    await expect(early).rejects.toMatchObject({ kind: 'invalid', code: 'occurred-before-previous-step', details: { path: '/occurredAt' } });
    expect(await store.streamRevision('c-1')).toBe(0);
    const same = await runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx({ occurredAt: '2026-05-01T10:00:00.000Z' }), { notBeforeLastEvent: true });
    expect(same.revision).toBe(1);
    // Without the option (a learner's facts arrive out of order), an earlier time is fine.
    expect((await runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx({ occurredAt: '2025-01-01T00:00:00.000Z' }))).revision).toBe(2);
  });

  it('rejects an idempotency key reused for a different request', async () => {
    await runCommand(store, counter, 'c-1', { by: 1, max: 9 }, ctx({ idempotencyKey: 'k1', requestHash: 'h1' }));
    await expect(runCommand(store, counter, 'c-1', { by: 2, max: 9 }, ctx({ idempotencyKey: 'k1', requestHash: 'h2' }))).rejects.toMatchObject({ code: 'idempotency-key-reused' });
    // On another stream the key's event ids are already stored: the same reuse, without naming the other stream.
    const elsewhere = runCommand(store, counter, 'c-2', { by: 2, max: 9 }, ctx({ idempotencyKey: 'k1', requestHash: 'h2' }));
    await expect(elsewhere).rejects.toMatchObject({ code: 'idempotency-key-reused' });
    await expect(elsewhere).rejects.not.toThrow(/c-1/);
  });
});

describe('runCommand: concurrent requests under one Idempotency-Key', () => {
  it('reports a racing request with the same key but another body as a reuse, not as a replay', async () => {
    const store = new SqliteEventStore(':memory:');
    const [a, b] = await Promise.allSettled([
      runCommand(store, counter, 'c-9', { by: 1, max: 9 }, ctx({ idempotencyKey: 'k', requestHash: 'h-a' })),
      runCommand(store, counter, 'c-9', { by: 2, max: 9 }, ctx({ idempotencyKey: 'k', requestHash: 'h-b' })),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: { code: 'idempotency-key-reused' } });
    expect(await store.streamRevision('c-9')).toBe(0);
    await store.close();
  });
});
