import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { refuse } from '@app/kernel';
import { Principal } from '@app/platform';
import { requestStateAnswer } from '../domain/answer-item-ids';
import { mayViewRequest, REQUEST_NOT_FOUND } from '../domain/request-visibility';
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
 * registrars, and auditors whose scope covers either institution (request-visibility.ts). Anyone
 * else gets 404 (an id that exists is not disclosed to outsiders).
 */
@Injectable()
export class TransferRequestQueries {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async view(requestId: string, principal: Principal): Promise<TransferRequestView> {
    const { state, revision, events } = await loadWithEvents(this.store, transferRequestDecider, transferRequestStream(requestId));
    const request = state.request;
    if (request === null || revision === null || !mayViewRequest(principal, request)) {
      throw refuse.notFound(REQUEST_NOT_FOUND, `no transfer request ${requestId}`);
    }
    return {
      ...requestStateAnswer(state),
      requestId,
      request,
      revision,
      events: events.map((e) => ({ id: e.id, type: e.type, revision: e.revision, position: e.position, occurredAt: e.occurredAt })),
    };
  }
}
