import { RecordedEvent } from '@app/event-store';
import { ProjectionBatch } from '../runtime/projection-batch';

type Subject = { kind: 'learner' | 'request' | 'institution'; id: string };

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Every event, of every stream, into the audit history index: who (actor), when (occurred-at,
 * recorded-at), and whom it concerns: its learner, its request, and every institution named
 * (the actor, the issuer, the receiving and submitting institutions, the owner of a program or
 * policy). Runs after the stream's own projector, so a request's later events find the request.
 */
export async function projectHistory(event: RecordedEvent, batch: ProjectionBatch): Promise<void> {
  const actor = event.metadata.actor;
  batch.history.push({
    position: event.position,
    eventId: event.id,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actorInstitution: actor?.institutionId ?? null,
    actorRole: actor?.role ?? null,
  });
  const subjects = new Map<string, Subject>();
  const add = (kind: Subject['kind'], id: string | null) => {
    if (id) subjects.set(`${kind}\u0000${id}`, { kind, id });
  };
  const d = event.data as Record<string, unknown>;
  add('institution', actor?.institutionId ?? null);
  for (const field of ['issuerId', 'institutionId', 'registeredBy', 'receivingInstitution', 'submitterInstitution']) add('institution', str(d[field]));
  add('learner', str(d.learnerId));
  if (event.stream.startsWith('transfer-')) {
    const requestId = event.stream.slice('transfer-'.length);
    add('request', requestId);
    const { state } = await batch.requests.get(batch.manager, requestId, { requestId });
    add('learner', state.request?.learnerId ?? null);
    add('institution', state.request?.receivingInstitution ?? null);
    add('institution', state.request?.submitterInstitution ?? null);
  }
  for (const s of subjects.values()) batch.historySubjects.push({ subjectKind: s.kind, subjectId: s.id, position: event.position });
}
