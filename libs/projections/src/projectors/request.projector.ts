import { RecordedEvent } from '@app/event-store';
import { evolveTransferRequest, TransferRequestEvent, TransferRequestState } from '@app/transfer';
import { RequestRow } from '../read-model/entities';
import { ProjectionBatch } from '../runtime/projection-batch';

const DECISION_EVENTS = new Set(['ItemsDecided', 'RequestRevised', 'RequestWithdrawn']);

/** transfer-<id>: the request's state (the transfer context's evolve) as a queue row; decisions feed the ledger. */
export async function projectRequestEvent(event: RecordedEvent, batch: ProjectionBatch): Promise<void> {
  const requestId = event.stream.slice('transfer-'.length);
  const { row, state } = await batch.requests.get(batch.manager, requestId, { requestId });
  const next = evolveTransferRequest(state, { type: event.type, data: event.data, id: event.id, position: event.position } as unknown as TransferRequestEvent);
  const request = next.request;
  if (!request) return; // nothing before RequestSubmitted can be shown
  batch.requests.set(requestId, requestRowOf(requestId, next, row?.submittedAt ?? event.recordedAt, event), next);
  if (event.type === 'RequestSubmitted') batch.pair({ learnerId: request.learnerId, programId: request.programId, institutionId: request.receivingInstitution });
  // a request's rows are inputs of the learner's progress rows (decisions in force bind, and its
  // position and time count among the inputs'): every event of it evaluates them again
  batch.changedLearners.add(request.learnerId);
  if (DECISION_EVENTS.has(event.type)) {
    const d = event.data as { decidedOn?: string; revisedOn?: string; withdrawnOn?: string };
    batch.ledgerRequests.set(requestId, { position: event.position, on: d.decidedOn ?? d.revisedOn ?? d.withdrawnOn ?? event.recordedAt.slice(0, 10) });
  }
}

/** The queue row of a request in a state (state column filled at flush); `last` is the latest event applied. */
export function requestRowOf(requestId: string, state: TransferRequestState, submittedAt: string, last: Pick<RecordedEvent, 'recordedAt' | 'position'>): RequestRow {
  const request = state.request;
  if (!request) throw new Error(`request ${requestId} has no RequestSubmitted`);
  return {
    requestId,
    receivingInstitution: request.receivingInstitution,
    submitterInstitution: request.submitterInstitution,
    learnerId: request.learnerId,
    programId: request.programId,
    programVersion: request.programVersion,
    status: state.status,
    itemCount: request.items.length,
    proposedCredits: state.evaluation?.totals.granted ?? null,
    unit: state.evaluation?.proposals[0]?.unit ?? state.evaluation?.program.creditUnit ?? null,
    submittedOn: request.submittedOn,
    submittedAt,
    lastEventAt: last.recordedAt,
    lastPosition: last.position,
    openEvidenceChanges: state.openEvidenceChanges.length,
    state: '',
  };
}
