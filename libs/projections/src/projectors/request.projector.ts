import { RecordedEvent } from '@app/event-store';
import { evolveTransferRequest, TransferRequestEvent } from '@app/transfer';
import { ProjectionBatch } from '../runtime/projection-batch';

const DECISION_EVENTS = new Set(['ItemsDecided', 'RequestRevised', 'RequestWithdrawn']);

/** transfer-<id>: the request's state (the transfer context's evolve) as a queue row; decisions feed the ledger. */
export async function projectRequestEvent(event: RecordedEvent, batch: ProjectionBatch): Promise<void> {
  const requestId = event.stream.slice('transfer-'.length);
  const { row, state } = await batch.requests.get(batch.manager, requestId, { requestId });
  const next = evolveTransferRequest(state, { type: event.type, data: event.data } as unknown as TransferRequestEvent);
  const request = next.request;
  if (!request) return; // nothing before RequestSubmitted can be shown
  batch.requests.set(
    requestId,
    {
      requestId,
      receivingInstitution: request.receivingInstitution,
      submitterInstitution: request.submitterInstitution,
      learnerId: request.learnerId,
      programId: request.programId,
      programVersion: request.programVersion,
      status: next.status,
      itemCount: request.items.length,
      proposedCredits: next.evaluation?.totals.granted ?? null,
      unit: next.evaluation?.proposals[0]?.unit ?? next.evaluation?.program.creditUnit ?? null,
      submittedOn: request.submittedOn,
      submittedAt: row?.submittedAt ?? event.recordedAt,
      lastEventAt: event.recordedAt,
      lastPosition: event.position,
      state: '',
    },
    next,
  );
  if (event.type === 'RequestSubmitted') batch.pair({ learnerId: request.learnerId, programId: request.programId, institutionId: request.receivingInstitution });
  if (DECISION_EVENTS.has(event.type)) {
    const d = event.data as { decidedOn?: string; revisedOn?: string; withdrawnOn?: string };
    batch.ledgerRequests.set(requestId, { position: event.position, on: d.decidedOn ?? d.revisedOn ?? d.withdrawnOn ?? event.recordedAt.slice(0, 10) });
  }
}
