import { RecordedEvent } from '@app/event-store';
import { HistorySubjectRow } from '../read-model/entities';
import { ProjectionBatch } from '../runtime/projection-batch';

type SubjectKind = HistorySubjectRow['subjectKind'];

/** Fields of an event's data that name an institution. */
const INSTITUTION_FIELDS = ['issuerId', 'institutionId', 'registeredBy', 'receivingInstitution', 'submitterInstitution'] as const;

const TRANSFER_PREFIX = 'transfer-';

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
  const subjects = new EventSubjects(event.position, batch.historySubjects);
  const d = event.data as Record<string, unknown>;
  subjects.add('institution', actor?.institutionId ?? null);
  for (const field of INSTITUTION_FIELDS) subjects.add('institution', str(d[field]));
  subjects.add('learner', str(d.learnerId));
  if (event.stream.startsWith(TRANSFER_PREFIX)) {
    const requestId = event.stream.slice(TRANSFER_PREFIX.length);
    subjects.add('request', requestId);
    const { state } = await batch.requests.get(batch.manager, requestId, { requestId });
    subjects.add('learner', state.request?.learnerId ?? null);
    subjects.add('institution', state.request?.receivingInstitution ?? null);
    subjects.add('institution', state.request?.submitterInstitution ?? null);
  }
}

/**
 * The subject rows of one event, appended to the batch's as they are named, each (kind, id) once, in
 * the order first named (an event names a handful: a linear scan of its own rows beats a Map).
 */
class EventSubjects {
  private readonly first: number;

  constructor(
    private readonly position: number,
    private readonly rows: HistorySubjectRow[],
  ) {
    this.first = rows.length;
  }

  add(kind: SubjectKind, id: string | null): void {
    if (!id) return;
    for (let i = this.first; i < this.rows.length; i++) if (this.rows[i].subjectId === id && this.rows[i].subjectKind === kind) return;
    this.rows.push({ subjectKind: kind, subjectId: id, position: this.position });
  }
}
