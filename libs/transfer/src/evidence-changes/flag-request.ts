import { CommandContext, EventStore, loadAggregate, runCommand, WrongExpectedRevisionError } from '@app/event-store';
import { PLATFORM_INSTITUTION } from '@app/platform';
import { FLAGGABLE_STATUSES } from '../domain/flag-evidence-change';
import { transferRequestDecider } from '../domain/transfer-request.decider';
import { evaluationInForce } from '../domain/transfer-request.state';
import { transferRequestStream } from '../domain/transfer.streams';
import { affectedItemsOf } from './affected-items';
import { EvidenceChangeOf } from './evidence-change-of';
import { RequestReevaluator } from './request-reevaluator';

/** What happened to one request for one evidence change (for logs, status and tests). */
export type FlagOutcome = 'flagged' | 'already-flagged' | 'not-flaggable' | 'already-read' | 'unaffected' | 'unknown-request';

/** The reactor acts as the platform's system, in response to the causing event. */
export const REACTOR_ACTOR = { institutionId: PLATFORM_INSTITUTION, role: 'system' } as const;

const MAX_ATTEMPTS = 5;

/**
 * Flags one request for one evidence change, idempotently: skipped when the change is already
 * recorded on it, when it is withdrawn or not evaluated, when the evaluation in force already read
 * the change (submitted after it), or when none of its items' evidence names the changed
 * completion or credential. Otherwise re-evaluates it and appends RequestEvidenceChanged at the
 * revision the re-evaluation was computed on (exceptions granted meanwhile: computed again), with
 * event ids derived from the causing event and the request (an Idempotency-Key of the system), so
 * a replay after a crash appends nothing.
 */
export async function flagRequest(store: EventStore, reevaluator: RequestReevaluator, requestId: string, evidence: EvidenceChangeOf, learnerRevision: number): Promise<FlagOutcome> {
  const stream = transferRequestStream(requestId);
  for (let attempt = 1; ; attempt += 1) {
    const { state, revision } = await loadAggregate(store, transferRequestDecider, stream);
    const request = state.request;
    if (request === null || revision === null) return 'unknown-request';
    if (request.learnerId !== evidence.learnerId) return 'unaffected';
    if (state.evidenceChanges.some((c) => c.cause.eventId === evidence.cause.eventId)) return 'already-flagged';
    if (!FLAGGABLE_STATUSES.includes(state.status)) return 'not-flaggable';
    const basis = evaluationInForce(state);
    if (!basis || basis.learnerStream.lastPosition >= evidence.cause.position) return 'already-read';
    const affectedItems = affectedItemsOf(request.items, basis, evidence.change);
    if (affectedItems.length === 0) return 'unaffected';
    const reevaluation = await reevaluator.reevaluate(requestId, state, learnerRevision);
    const context: CommandContext = {
      actor: REACTOR_ACTOR,
      correlationId: evidence.cause.eventId,
      causationId: evidence.cause.eventId,
      idempotencyKey: `evidence-change:${evidence.cause.eventId}:${requestId}`,
      occurredAt: evidence.cause.occurredAt,
      expectedRevision: revision,
    };
    const command = { kind: 'FlagEvidenceChange' as const, cause: evidence.cause, change: evidence.change, affectedItems, reevaluation, flaggedOn: evidence.cause.recordedAt.slice(0, 10) };
    try {
      const outcome = await runCommand(store, transferRequestDecider, stream, command, context);
      return outcome.replayed || outcome.events.length === 0 ? 'already-flagged' : 'flagged';
    } catch (error) {
      // The request moved between the read and the append (a decision, an exception): read it again.
      if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}
