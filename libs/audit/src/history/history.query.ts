import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, EventStore, JsonObject, RecordedEvent } from '@app/event-store';
import { Principal } from '@app/platform';
import { refuse } from '@app/kernel';
import { HistoryRow, HistorySubjectRow, maxInboxPosition, parseInstant, PROJECTION_POSITION, ProjectionPosition, READ_MODEL_READER, readCheckpoint } from '@app/projections';
import { assertInScope, auditScopeOf } from '../audit-scope';
import { learnerStream } from '@app/records/domain';
import { learnerRelatedToScope } from './history-scope';
import { historyDataNamingItems } from './history-item-ids';
import { HistoryEntry, HistoryFilter, HistoryPage, HistorySubjectKind } from './history.types';

/**
 * History of a learner, a request or an institution: the history index finds the events, the
 * store supplies them (each checked against the index by id). Paged by global position; filtered
 * by event type and by recorded-at / occurred-at ranges. A scoped auditor sees only the events
 * that concern an institution in its scope, by the rule of history-scope.ts (which includes a
 * related learner's whole record). `upToPosition` is the global position the history
 * index reflected when the page was read (as in every read-model answer).
 */
@Injectable()
export class HistoryQuery {
  constructor(
    @Inject(READ_MODEL_READER) private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(PROJECTION_POSITION) private readonly position?: ProjectionPosition,
  ) {}

  /** The position the index reflects: the projector's (embedded or Kafka), else what the read models recorded. */
  private async indexedUpTo(): Promise<number> {
    if (this.position) return this.position.current();
    return Math.max(await readCheckpoint(this.db.manager), await maxInboxPosition(this.db.manager));
  }

  async page(principal: Principal, kind: HistorySubjectKind, id: string, filter: HistoryFilter = {}): Promise<HistoryPage> {
    if (kind === 'institution') assertInScope(principal, [id], `institution ${id}`);
    const scope = auditScopeOf(principal);
    const upToPosition = await this.indexedUpTo();
    const limit = filter.limit ?? 50;
    const qb = this.db.manager
      .createQueryBuilder(HistoryRow, 'h')
      .innerJoin(HistorySubjectRow, 's', 's.position = h.position')
      .where('s.subjectKind = :kind AND s.subjectId = :id', { kind, id })
      .andWhere('h.position > :after', { after: filter.after ?? -1 });
    if (filter.types?.length) qb.andWhere('h.type IN (:...types)', { types: filter.types });
    const bounds = [
      ['recordedFrom', 'h.recordedAt >=', 'start-of-day'],
      ['recordedTo', 'h.recordedAt <=', 'end-of-day'],
      ['occurredFrom', 'h.occurredAt >=', 'start-of-day'],
      ['occurredTo', 'h.occurredAt <=', 'end-of-day'],
    ] as const;
    for (const [name, condition, dateMeans] of bounds) {
      const given = filter[name];
      if (given === undefined) continue;
      const at = parseInstant(given, dateMeans);
      if (at === null) throw refuse.invalid('invalid-instant', `${name} must be an RFC 3339 time or a date (YYYY-MM-DD), got "${given}"`, `/${name}`);
      qb.andWhere(`${condition} :${name}`, { [name]: at });
    }
    if (scope !== null && scope.length === 0) return { subject: { kind, id }, upToPosition, entries: [], nextAfter: null };
    if (scope !== null) {
      const namesScope = "EXISTS (SELECT 1 FROM rm_history_subjects x WHERE x.position = h.position AND x.subject_kind = 'institution' AND x.subject_id IN (:...scope))";
      const wholeRecord = kind === 'learner' && (await learnerRelatedToScope(this.db.manager, id, scope));
      if (wholeRecord) qb.andWhere(`(${namesScope} OR h.stream = :recordStream)`, { scope, recordStream: learnerStream(id) });
      else qb.andWhere(namesScope, { scope });
    }
    const rows = await qb.orderBy('h.position', 'ASC').limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const entries: HistoryEntry[] = [];
    for (const row of page) entries.push(entryOf(row, await this.event(row)));
    return { subject: { kind, id }, upToPosition, entries, nextAfter: rows.length > limit ? page[page.length - 1].position : null };
  }

  private async event(row: HistoryRow): Promise<RecordedEvent> {
    for await (const event of this.store.readStream(row.stream, { fromRevision: row.revision, limit: 1 })) {
      if (event.id !== row.eventId || event.position !== row.position) {
        throw new Error(`history index disagrees with the store at ${row.stream}@${row.revision} (index ${row.eventId}, store ${event.id}); rebuild the read models`);
      }
      return event;
    }
    throw new Error(`history index names ${row.stream}@${row.revision}, which the store does not hold`);
  }
}

function entryOf(row: HistoryRow, event: RecordedEvent): HistoryEntry {
  return {
    position: row.position,
    eventId: row.eventId,
    stream: row.stream,
    revision: row.revision,
    type: row.type,
    occurredAt: row.occurredAt,
    recordedAt: row.recordedAt,
    actor: row.actorInstitution && row.actorRole ? { institutionId: row.actorInstitution, role: row.actorRole } : null,
    data: historyDataNamingItems(row.type, redacted(event.data)),
  };
}

/** Credential secrets (even hashed) are not history: shown as "[redacted]". */
const SECRET_FIELDS = new Set(['secretHash', 'tokenHash', 'secret', 'token']);
function redacted(data: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(data)) out[key] = SECRET_FIELDS.has(key) ? '[redacted]' : value;
  return out;
}
