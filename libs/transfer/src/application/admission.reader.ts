import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, readStreamEvents } from '@app/event-store';
import { LearnerAdmitted } from '../domain/admission.events';
import { EvidenceRead } from '../domain/evaluation-record';
import { admissionStream } from '../domain/transfer.streams';

/** The admission gate as the evaluation reads it: admitted on the date, and the event that says so. */
@Injectable()
export class AdmissionReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async admission(institutionId: string, learnerId: string, programId: string, date: string): Promise<{ admitted: boolean; read: EvidenceRead | null }> {
    const stream = admissionStream(institutionId, learnerId);
    for (const e of await readStreamEvents(this.store, stream)) {
      const d = e.data as LearnerAdmitted['data'];
      if (e.type === 'LearnerAdmitted' && d.programId === programId && d.decidedOn <= date) {
        return { admitted: true, read: { itemId: null, kind: 'admission', refId: `${institutionId}/${learnerId}/${programId}`, stream, eventId: e.id, position: e.position, eventType: e.type } };
      }
    }
    return { admitted: false, read: null };
  }
}
