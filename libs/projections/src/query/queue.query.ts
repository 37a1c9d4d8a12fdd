import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@app/platform';
import { RequestRow } from '../read-model/entities';
import { PROJECTION_POSITION, ProjectionPosition, READ_MODEL_READER } from '../read-model/read-model.tokens';
import { institutionInScope } from './read-scope';

export interface QueueEntry {
  requestId: string;
  learnerId: string;
  programId: string;
  programVersion: string;
  status: string;
  submitterInstitution: string;
  itemCount: number;
  proposedCredits: string | null;
  unit: string | null;
  submittedOn: string;
  submittedAt: string;
  lastEventAt: string;
  /** Whole days since the request was recorded. */
  ageDays: number;
}

export interface QueuePage {
  institutionId: string;
  upToPosition: number;
  /** Requests per status (all of them, not just this page). */
  counts: Record<string, number>;
  total: number;
  items: QueueEntry[];
}

const DAY_MS = 86_400_000;

/** The receiving institution's request queue, by status and age (oldest first). */
@Injectable()
export class QueueQuery {
  constructor(
    @Inject(READ_MODEL_READER) private readonly db: DataSource,
    @Inject(PROJECTION_POSITION) private readonly position: ProjectionPosition,
  ) {}

  async queue(principal: Principal, query: { institutionId?: string; status?: string; limit?: number; offset?: number }): Promise<QueuePage> {
    const institutionId = institutionInScope(principal, query.institutionId);
    const upToPosition = await this.position.current();
    const countRows = await this.db.manager
      .createQueryBuilder(RequestRow, 'r')
      .select('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('r.receivingInstitution = :institutionId', { institutionId })
      .groupBy('r.status')
      .getRawMany<{ status: string; n: string | number }>();
    const counts = Object.fromEntries(countRows.map((c) => [c.status, Number(c.n)]));
    const where = query.status ? { receivingInstitution: institutionId, status: query.status } : { receivingInstitution: institutionId };
    const [rows, total] = await this.db.manager.findAndCount(RequestRow, {
      where,
      order: { submittedAt: 'ASC', requestId: 'ASC' },
      take: query.limit ?? 50,
      skip: query.offset ?? 0,
    });
    return { institutionId, upToPosition, counts, total, items: rows.map((r) => queueEntryOf(r, Date.now())) };
  }
}

/** A queue entry from a request row; the age counts from the request's recording to `now` (ms). */
export function queueEntryOf(row: RequestRow, now: number): QueueEntry {
  const { state: _state, receivingInstitution: _r, lastPosition: _p, ...r } = row;
  return { ...r, ageDays: Math.floor((now - Date.parse(r.submittedAt)) / DAY_MS) };
}
