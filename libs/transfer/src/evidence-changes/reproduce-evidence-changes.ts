import { canonicalJson } from '@app/event-store';
import { fold } from '@app/kernel';
import { EvaluationRecord } from '../domain/evaluation-record';
import { transferRequestDecider } from '../domain/transfer-request.decider';
import { RequestEvidenceChanged, TransferRequestEvent } from '../domain/transfer-request.events';
import { EvaluationReproducer } from '../application/reproduce-evaluation';
import { RequestReevaluator } from './request-reevaluator';

export interface EvidenceChangeReproduction {
  causeEventId: string;
  causeEventType: string;
  /** The flag's position in the request stream. */
  revision: number;
  recorded: EvaluationRecord;
  reproduced: EvaluationRecord;
  identical: boolean;
}

/**
 * Re-runs the re-evaluation each RequestEvidenceChanged recorded, from what it names: the pinned
 * inputs of the request's evaluation, the learner stream up to the revision it read, and the
 * exceptions granted on the request before the flag. Same engine version -> identical record.
 */
export class EvidenceChangeReproducer {
  private readonly reevaluator: RequestReevaluator;

  constructor(private readonly reproducer: EvaluationReproducer) {
    this.reevaluator = new RequestReevaluator(reproducer);
  }

  async reproduce(requestId: string): Promise<EvidenceChangeReproduction[]> {
    const events = await this.reproducer.requestEvents(requestId);
    const out: EvidenceChangeReproduction[] = [];
    for (const [i, event] of events.entries()) {
      if (event.type !== 'RequestEvidenceChanged') continue;
      const before = fold(transferRequestDecider, events.slice(0, i).map((e) => ({ type: e.type, data: e.data }) as unknown as TransferRequestEvent));
      const data = event.data as RequestEvidenceChanged['data'];
      const reproduced = await this.reevaluator.reevaluate(requestId, before, data.reevaluation.learnerStream.revision);
      out.push({
        causeEventId: data.cause.eventId,
        causeEventType: data.cause.eventType,
        revision: event.revision,
        recorded: data.reevaluation,
        reproduced,
        identical: canonicalJson(data.reevaluation) === canonicalJson(reproduced),
      });
    }
    return out;
  }
}
