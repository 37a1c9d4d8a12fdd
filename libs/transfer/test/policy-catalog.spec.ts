import { CommandContext, EventStore, ReadAllOptions, RecordedEvent, runCommand, SqliteEventStore } from '@app/event-store';
import { PolicyCatalog } from '../src/application/policy-catalog';
import { policyDecider } from '../src/domain/policy.decider';
import { policyStream } from '../src/domain/transfer.streams';
import { MIT, registrar, scmPolicy } from './transfer.fixtures';

const ctx: CommandContext = { actor: registrar, correlationId: 'policy-catalog-spec' };

/** Publishes the SCM policy under another id, for another program of MIT. */
async function publish(store: EventStore, policyId: string, programId: string): Promise<void> {
  const definition = { ...scmPolicy(), id: policyId, programId };
  await runCommand(store, policyDecider, policyStream(policyId), { kind: 'PublishPolicyVersion', actor: ctx.actor, policyId, definition, publishedOn: '2026-01-01' }, ctx);
}

/** Unrelated events, so a catch-up has a log to skip. */
async function noise(store: EventStore, count: number): Promise<void> {
  const events = Array.from({ length: count }, (_, i) => ({ id: crypto.randomUUID(), type: 'LearnerRegistered', occurredAt: '2026-01-01T00:00:00Z', schemaVersion: 1, data: { i }, metadata: { correlationId: 'noise', causationId: null, actor: registrar } }));
  await store.append('learner-noise', events, 'any');
}

/**
 * The store, with a gate the next readAll waits at after its last page (the read is over, its
 * caller not yet told: a catch-up held in flight), and a failure the next readAll can be made to throw.
 */
function gatedStore(store: EventStore): { store: EventStore; hold: () => () => void; failNext: () => void; reads: ReadAllOptions[] } {
  let gate: Promise<void> | null = null;
  let fail = false;
  const reads: ReadAllOptions[] = [];
  const gated = Object.create(store) as EventStore;
  gated.readAll = (options?: ReadAllOptions) => {
    reads.push(options ?? {});
    const waitFor = gate;
    const failing = fail;
    gate = null;
    fail = false;
    return (async function* (): AsyncIterable<RecordedEvent> {
      yield* store.readAll(options);
      if (failing) throw new Error('the store went away');
      if (waitFor) await waitFor;
    })();
  };
  const hold = () => {
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    return release;
  };
  return { store: gated, hold, failNext: () => (fail = true), reads };
}

describe('PolicyCatalog: the index of published policies follows the log', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
  });
  afterEach(() => store.close());

  it('finds the policy in effect after a long unrelated log, reading only policy events, and then only what is new', async () => {
    await noise(store, 500);
    await publish(store, 'scm-a', 'prog-a');
    await noise(store, 500);
    const { store: observed, reads } = gatedStore(store);
    const catalog = new PolicyCatalog(observed);
    expect(await catalog.effectiveFor(MIT, 'prog-a', '2026-06-01')).toMatchObject({ policyId: 'scm-a' });
    expect(reads).toEqual([{ after: -1, upTo: await store.headPosition(), types: ['PolicyVersionPublished'], batchSize: 1000 }]);

    const before = await store.headPosition();
    await publish(store, 'scm-b', 'prog-b');
    expect(await catalog.effectiveFor(MIT, 'prog-b', '2026-06-01')).toMatchObject({ policyId: 'scm-b' });
    expect(reads[1]).toMatchObject({ after: before, upTo: await store.headPosition() });
    await catalog.effectiveFor(MIT, 'prog-b', '2026-06-01');
    expect(reads).toHaveLength(2);
  });

  it('a caller arriving while an older catch-up is in flight still sees a policy published before its call', async () => {
    const { store: gated, hold } = gatedStore(store);
    const catalog = new PolicyCatalog(gated);
    await publish(store, 'scm-a', 'prog-a');
    const release = hold();
    const first = catalog.effectiveFor(MIT, 'prog-a', '2026-06-01');
    await new Promise((resolve) => setImmediate(resolve));
    await publish(store, 'scm-b', 'prog-b');
    const second = catalog.effectiveFor(MIT, 'prog-b', '2026-06-01');
    release();
    await expect(first).resolves.toMatchObject({ policyId: 'scm-a' });
    await expect(second).resolves.toMatchObject({ policyId: 'scm-b' });
  });

  it('a failed read leaves the index where it was: the next call reads the same events again and finds the policy', async () => {
    await publish(store, 'scm-a', 'prog-a');
    const { store: flaky, failNext, reads } = gatedStore(store);
    const catalog = new PolicyCatalog(flaky);
    failNext();
    await expect(catalog.effectiveFor(MIT, 'prog-a', '2026-06-01')).rejects.toThrow('the store went away');
    expect(await catalog.effectiveFor(MIT, 'prog-a', '2026-06-01')).toMatchObject({ policyId: 'scm-a' });
    expect(reads.map((r) => r.after)).toEqual([-1, -1]);
  });

  it('refuses with 409 when no policy is in effect for the program', async () => {
    await publish(store, 'scm-a', 'prog-a');
    await expect(new PolicyCatalog(store).effectiveFor(MIT, 'prog-z', '2026-06-01')).rejects.toMatchObject({ code: 'no-effective-policy' });
  });
});
