import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '@app/event-store';
import { learnerStream } from '@app/records';
import { EvaluationReproducer, RequestEvidenceChanged } from '../src';
import { EvidenceChangeReactor } from '../src/evidence-changes/evidence-change-reactor';
import { FlagOutcome } from '../src/evidence-changes/flag-request';
import { RequestReevaluator } from '../src/evidence-changes/request-reevaluator';
import { InMemoryReactorState, LearnerRequestEntry, ReactorCheckpoint, ReactorStateStore } from '../src/evidence-changes/state/reactor-state.port';
import { SqliteReactorState } from '../src/evidence-changes/state/sqlite-reactor-state';
import { ScmLearner, scmLearner, scmRequest, ScmWorld, scmWorld } from './evidence-change.http-fixtures';
import { TransferTestApp, transferTestApp } from './transfer-test-app';

type Outcome = { requestId: string; causeEventId: string; outcome: FlagOutcome | 'refused' };

/**
 * A state store whose next `failing` commits of a checkpoint after `armedAfter` fail: the appends
 * happened, the checkpoint did not move (a crash in between).
 */
class CrashingState implements ReactorStateStore {
  readonly kind = 'crashing';
  failing = 0;
  armedAfter = Number.MAX_SAFE_INTEGER;
  constructor(readonly inner: ReactorStateStore) {}
  load(reactor: string) {
    return this.inner.load(reactor);
  }
  requestsOf(reactor: string, learnerId: string) {
    return this.inner.requestsOf(reactor, learnerId);
  }
  async commit(reactor: string, checkpoint: ReactorCheckpoint, entries: readonly LearnerRequestEntry[]) {
    if (this.failing > 0 && checkpoint.position > this.armedAfter) {
      this.failing -= 1;
      throw new Error('crashed before the checkpoint');
    }
    return this.inner.commit(reactor, checkpoint, entries);
  }
  reset(reactor: string) {
    return this.inner.reset(reactor);
  }
  close() {
    return this.inner.close();
  }
}

describe('evidence-change reactor (SQLite event store, HTTP writes)', () => {
  let t: TransferTestApp;
  let world: ScmWorld;
  let dir: string;
  const reactors: EvidenceChangeReactor[] = [];

  const flagsOf = async (requestId: string): Promise<RecordedEvent[]> => (await t.events(`transfer-${requestId}`)).filter((e) => e.type === 'RequestEvidenceChanged');
  const start = async (state: ReactorStateStore, outcomes: Outcome[] = []): Promise<EvidenceChangeReactor> => {
    const reactor = new EvidenceChangeReactor(t.store, state, new RequestReevaluator(t.get(EvaluationReproducer)), {
      pollIntervalMs: 20,
      checkpointIntervalMs: 0,
      retryDelayMs: { first: 10, max: 50 },
      onOutcome: (o) => outcomes.push(o),
    });
    reactors.push(reactor);
    await reactor.start();
    return reactor;
  };
  /** Until the reactor has handled the whole log, including what its own appends added. */
  const settled = async (reactor: EvidenceChangeReactor): Promise<void> => {
    for (let head = await t.store.headPosition(); ; ) {
      await reactor.waitFor(head);
      const now = await t.store.headPosition();
      if (now === head) return;
      head = now;
    }
  };
  const revoke = (learner: ScmLearner) => world.post(world.mitx.issuer, `/learners/${learner.learnerId}/credentials/${learner.credentialId}/revocation`, { reason: 'identity not verified' });
  const regrade = (learner: ScmLearner, completionId: string, value: string) =>
    world.post(world.mitx.issuer, `/learners/${learner.learnerId}/completions/${completionId}/corrections`, { grade: { scale: 'percent', value }, reason: 'exam re-marked' });

  beforeEach(async () => {
    t = await transferTestApp();
    world = await scmWorld(t);
    dir = mkdtempSync(join(tmpdir(), 'reactor-'));
  });
  afterEach(async () => {
    while (reactors.length > 0) await reactors.pop()?.stop();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a revocation flags the decided request: cause, change, every item whose evidence read the credential, the re-evaluation up to the cause', async () => {
    const learner = await scmLearner(world);
    const requestId = await scmRequest(t, world, learner, learner.completionIds);
    const reactor = await start(new InMemoryReactorState());
    const revoked = await revoke(learner);
    await settled(reactor);

    const [flag] = await flagsOf(requestId);
    const causeId = (revoked.body.eventIds as string[])[0];
    const cause = (await t.events(learnerStream(learner.learnerId))).find((e) => e.id === causeId) as RecordedEvent;
    const data = flag.data as RequestEvidenceChanged['data'];
    expect(data).toMatchObject({
      requestId,
      learnerId: learner.learnerId,
      cause: { eventId: cause.id, eventType: 'MicroCredentialRevoked', stream: learnerStream(learner.learnerId), position: cause.position },
      change: { kind: 'revoked', refKind: 'credential', refId: learner.credentialId, reason: 'identity not verified' },
      statusWhenFlagged: 'decided',
    });
    expect(data.affectedItems).toEqual([...learner.completionIds.map((id) => `completion:${id}`), `credential:${learner.credentialId}`]);
    expect(data.reevaluation.learnerStream).toEqual({ stream: learnerStream(learner.learnerId), revision: cause.revision, lastPosition: cause.position });
    expect(data.reevaluation.policy).toMatchObject({ policyId: 'mit-scm-recognition', version: '2026.1' });
    // completeCredentialRequired: with the MicroMasters revoked, every course is now denied.
    expect(data.reevaluation.proposals.filter((p) => p.itemId.startsWith('completion:')).map((p) => [p.decision, p.reasons])).toEqual(learner.completionIds.map(() => ['denied', ['CREDENTIAL_INCOMPLETE']]));
    expect(data.reevaluation.totals.granted).toBe('0');
    expect(flag.metadata).toMatchObject({ actor: { institutionId: 'platform', role: 'system' }, causationId: cause.id, correlationId: cause.id });
    expect(flag.occurredAt).toBe(cause.occurredAt);
    expect(reactor.status).toMatchObject({ running: true, flagged: 1, failures: 0 });
  });

  it('a regrade below the minimum flags only the regraded item; its re-evaluated proposal is denied', async () => {
    const learner = await scmLearner(world);
    const requestId = await scmRequest(t, world, learner, learner.completionIds);
    const reactor = await start(new InMemoryReactorState());
    await regrade(learner, learner.completionIds[1], '50');
    await settled(reactor);
    const [flag] = await flagsOf(requestId);
    const data = flag.data as RequestEvidenceChanged['data'];
    expect(data.change).toEqual({ kind: 'regraded', refKind: 'completion', refId: learner.completionIds[1], from: { scale: 'percent', value: '81' }, to: { scale: 'percent', value: '50' }, reason: 'exam re-marked', on: expect.any(String) });
    expect(data.affectedItems).toEqual([`completion:${learner.completionIds[1]}`]);
    const proposal = data.reevaluation.proposals.find((p) => p.itemId === `completion:${learner.completionIds[1]}`);
    expect(proposal).toMatchObject({ decision: 'denied', creditsGranted: '0' });
    expect(proposal?.reasons).toEqual(['BELOW_MIN_GRADE']);
  });

  it('a withdrawal flags the request naming the completion; the re-evaluation denies it (EVIDENCE_WITHDRAWN); an evaluated request is flagged too', async () => {
    const learner = await scmLearner(world);
    const decided = await scmRequest(t, world, learner, [learner.extraCompletionId], { credential: false });
    const evaluated = await scmRequest(t, world, learner, [learner.extraCompletionId], { credential: false, decide: false });
    const reactor = await start(new InMemoryReactorState());
    const res = await world.post(world.mitx.issuer, `/learners/${learner.learnerId}/completions/${learner.extraCompletionId}/withdrawal`, { reason: 'recorded on the wrong learner' });
    expect(res.status).toBe(201);
    await settled(reactor);
    for (const [requestId, status] of [[decided, 'decided'], [evaluated, 'evaluated']]) {
      const [flag] = await flagsOf(requestId);
      const data = flag.data as RequestEvidenceChanged['data'];
      expect(data).toMatchObject({ statusWhenFlagged: status, change: { kind: 'withdrawn', refId: learner.extraCompletionId, reason: 'recorded on the wrong learner' } });
      expect(data.reevaluation.proposals).toEqual([expect.objectContaining({ itemId: `completion:${learner.extraCompletionId}`, decision: 'denied', reasons: ['EVIDENCE_WITHDRAWN'] })]);
      expect(data.reevaluation.evidenceRead.map((r) => r.eventType)).toContain('CompletionWithdrawn');
    }
  });

  it('does not flag: a request submitted after the change, another learner’s request, a request not naming the changed evidence, a withdrawn request', async () => {
    const learner = await scmLearner(world);
    const other = await scmLearner(world);
    const withoutIt = await scmRequest(t, world, learner, [learner.extraCompletionId], { credential: false });
    const ofOther = await scmRequest(t, world, other, other.completionIds);
    const withdrawn = await scmRequest(t, world, learner, learner.completionIds, { decide: false });
    expect((await world.post(world.uni.submitter, `/transfer-requests/${withdrawn}/withdrawal`, {})).status).toBe(201);
    const outcomes: Outcome[] = [];
    const reactor = await start(new InMemoryReactorState(), outcomes);
    await revoke(learner);
    await settled(reactor);
    const after = await scmRequest(t, world, learner, learner.completionIds);
    await settled(reactor);
    for (const requestId of [withoutIt, ofOther, withdrawn, after]) expect(await flagsOf(requestId)).toEqual([]);
    expect(outcomes.map((o) => [o.requestId, o.outcome]).sort()).toEqual([[withoutIt, 'unaffected'], [withdrawn, 'not-flaggable']].sort());
  });

  it('idempotent replay: a reactor run again over the whole log (checkpoint lost) appends nothing', async () => {
    const learner = await scmLearner(world);
    const requestId = await scmRequest(t, world, learner, learner.completionIds);
    const first = await start(new InMemoryReactorState());
    await revoke(learner);
    await regrade(learner, learner.completionIds[0], '55');
    await settled(first);
    await first.stop();
    expect(await flagsOf(requestId)).toHaveLength(2);
    const head = await t.store.headPosition();

    const outcomes: Outcome[] = [];
    const again = await start(new InMemoryReactorState(), outcomes);
    await again.waitFor(head);
    expect(await t.store.headPosition()).toBe(head);
    expect(outcomes.map((o) => o.outcome)).toEqual(['already-flagged', 'already-flagged']);
    expect(again.status.flagged).toBe(0);
  });

  it('restarts from its durable checkpoint (SQLite state file): only changes after it are handled', async () => {
    const file = join(dir, 'reactors.sqlite');
    const learner = await scmLearner(world);
    const requestId = await scmRequest(t, world, learner, learner.completionIds);
    const first = await start(new SqliteReactorState(file));
    await revoke(learner);
    await settled(first);
    await first.stop();
    const stoppedAt = first.checkpoint;

    await regrade(learner, learner.completionIds[2], '40');
    const outcomes: Outcome[] = [];
    const state = new SqliteReactorState(file);
    expect((await state.load('evidence-changes'))?.position).toBe(stoppedAt);
    const second = await start(state, outcomes);
    await settled(second);
    expect(outcomes).toEqual([{ requestId, causeEventId: expect.any(String), outcome: 'flagged' }]);
    const flags = await flagsOf(requestId);
    expect(flags.map((f) => (f.data as RequestEvidenceChanged['data']).change.kind)).toEqual(['revoked', 'regraded']);
    await second.stop();
    await state.close();
  });

  it('a crash between the append and the checkpoint: the change is handled again and nothing is appended twice', async () => {
    const learner = await scmLearner(world);
    const requestId = await scmRequest(t, world, learner, learner.completionIds);
    const crashing = new CrashingState(new InMemoryReactorState());
    const outcomes: Outcome[] = [];
    const reactor = await start(crashing, outcomes);
    await settled(reactor);
    crashing.armedAfter = await t.store.headPosition();
    crashing.failing = 1;
    await revoke(learner);
    await settled(reactor);
    expect(outcomes.map((o) => o.outcome)).toEqual(['flagged', 'already-flagged']);
    expect(await flagsOf(requestId)).toHaveLength(1);
    expect(reactor.status.failures).toBe(0);

    // The same after a process crash: a new reactor on the state whose checkpoint never moved past the change.
    const head = await t.store.headPosition();
    const state = new InMemoryReactorState();
    await state.commit('evidence-changes', { position: -1, eventId: null }, []);
    const restarted = await start(state, outcomes);
    await restarted.waitFor(head);
    expect(await flagsOf(requestId)).toHaveLength(1);
    expect(outcomes.at(-1)?.outcome).toBe('already-flagged');
  });

  it('never reacts to its own events and does not loop: after a flag the checkpoint reaches the head and nothing more is appended', async () => {
    const learner = await scmLearner(world);
    await scmRequest(t, world, learner, learner.completionIds);
    const reactor = await start(new InMemoryReactorState());
    await revoke(learner);
    await settled(reactor);
    const head = await t.store.headPosition();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await t.store.headPosition()).toBe(head);
    expect(reactor.checkpoint).toBe(head);
  });

  it('discards a checkpoint that names an event this log does not hold (another log) and starts from the beginning', async () => {
    const learner = await scmLearner(world);
    const requestId = await scmRequest(t, world, learner, learner.completionIds);
    await revoke(learner);
    const state = new InMemoryReactorState();
    await state.commit('evidence-changes', { position: await t.store.headPosition(), eventId: '00000000-0000-4000-8000-000000000000' }, []);
    const reactor = await start(state);
    await settled(reactor);
    expect(await flagsOf(requestId)).toHaveLength(1);
  });
});
