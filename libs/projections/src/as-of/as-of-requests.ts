import { fold } from '@app/kernel';
import { TransferRequestEvent, transferRequestDecider, transferRequestStream, TransferRequestState } from '@app/transfer';
import { RecordedEvent } from '@app/event-store';
import { ledgerRowsOf } from '../projectors/ledger.writer';
import { requestRowOf } from '../projectors/request.projector';
import { LedgerRow, RequestRow } from '../read-model/entities';
import { AsOfCut } from './as-of-cut';
import { AsOfReader } from './as-of-reader';

const DECISIONS = new Set(['ItemsDecided', 'RequestRevised', 'RequestWithdrawn']);

export interface RequestAsOf {
  row: RequestRow;
  state: TransferRequestState;
  ledger: LedgerRow[];
  events: RecordedEvent[];
}

/** A request as it stood at the cut (null if it had not been submitted yet): its queue row and its ledger rows. */
export async function requestAsOf(reader: AsOfReader, requestId: string, cut: AsOfCut): Promise<RequestAsOf | null> {
  const events = await reader.stream(transferRequestStream(requestId), cut);
  const submitted = events.find((e) => e.type === 'RequestSubmitted');
  if (!submitted) return null;
  const state = fold(transferRequestDecider, events.map((e) => ({ type: e.type, data: e.data, id: e.id, position: e.position }) as unknown as TransferRequestEvent));
  const last = events[events.length - 1];
  const decision = [...events].reverse().find((e) => DECISIONS.has(e.type));
  const d = (decision?.data ?? {}) as { decidedOn?: string; revisedOn?: string; withdrawnOn?: string };
  const ledger = decision ? ledgerRowsOf(requestId, state, { position: decision.position, on: d.decidedOn ?? d.revisedOn ?? d.withdrawnOn ?? decision.recordedAt.slice(0, 10) }) : [];
  return { row: requestRowOf(requestId, state, submitted.recordedAt, last), state, ledger, events };
}
