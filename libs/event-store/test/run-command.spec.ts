import { Decider, DomainError, DomainEvent, refuse } from '@app/kernel';
import { RevisionConflictError, runCommand, SqliteEventStore } from '../src';

type Counted = DomainEvent<'Counted', { by: number }>;
type Count = { by: number; max: number; mustExist?: boolean; forbidden?: boolean };
const counter: Decider<Count, number, Counted> = {
  initialState: 0,
  decide: (command, total) => {
    if (command.mustExist && total === 0) throw refuse.notFound('counter-not-found', 'no such counter');
    if (command.forbidden) throw refuse.forbidden('not-yours', 'not your counter');
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
