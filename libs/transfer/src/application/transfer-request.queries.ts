import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { refuse } from '@app/kernel';
import { Principal } from '@app/platform';
import { transferRequestDecider } from '../domain/transfer-request.decider';
import { TransferRequestState } from '../domain/transfer-request.state';
import { transferRequestStream } from '../domain/transfer.streams';
import { loadWithEvents } from './stream-events';

export interface TransferRequestView extends Omit<TransferRequestState, 'request'> {
  requestId: string;
  request: NonNullable<TransferRequestState['request']>;
  revision: number;
  events: { id: string; type: string; revision: number; position: number; occurredAt: string }[];
}

/**
 * A request as its parties see it: the submitting institution, the receiving institution's
 * registrars, and auditors whose scope covers either institution. Anyone else gets 404 (an id
 * that exists is not disclosed to outsiders).
 */
@Injectable()
export class TransferRequestQueries {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async view(requestId: string, principal: Principal): Promise<TransferRequestView> {
    const { state, revision, events } = await loadWithEvents(this.store, transferRequestDecider, transferRequestStream(requestId));
    const request = state.request;
    if (request === null || revision === null || !mayRead(principal, request.submitterInstitution, request.receivingInstitution)) {
      throw refuse.notFound('request-not-found', `no transfer request ${requestId}`);
    }
    return {
      ...state,
      requestId,
      request,
      revision,
      events: events.map((e) => ({ id: e.id, type: e.type, revision: e.revision, position: e.position, occurredAt: e.occurredAt })),
    };
  }
}

function mayRead(p: Principal, submitter: string, receiver: string): boolean {
  switch (p.role) {
    case 'submitter':
      return p.institutionId === submitter;
    case 'registrar':
      return p.institutionId === receiver;
    case 'auditor':
      return p.auditScope.includes('*') || p.auditScope.includes(submitter) || p.auditScope.includes(receiver);
    case 'admin':
      return true;
    default:
      return false;
  }
}
