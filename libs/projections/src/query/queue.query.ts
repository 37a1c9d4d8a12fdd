import { Inject, Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { Principal } from '@app/platform';
import { RequestRow } from '../read-model/entities';
import { PROJECTION_POSITION, ProjectionPosition, READ_MODEL_READER } from '../read-model/read-model.tokens';
import { institutionInScope } from './read-scope';
import { flagCountsOf, flagsOf, RequestFlag, requestFilter } from './request-flags';

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
  /** What needs attention: `evidence-changed` (evidence revoked, regraded or withdrawn since the decision), `appealed`. */
  flags: RequestFlag[];
  /** Evidence changes flagged since the last decision or revision (see GET /transfer-requests/{id}: evidenceChanges). */
  openEvidenceChanges: number;
}

export interface QueuePage<Entry = QueueEntry> {
  institutionId: string;
  upToPosition: number;
  /** Requests per status (all of them, not just this page). */
  counts: Record<string, number>;
  /** Requests per flag (all of them, not just this page). */
  flagCounts: Record<RequestFlag, number>;
  total: number;
  items: Entry[];
}

/** A request as its submitting university lists it: the queue entry, and where it was sent. */
export type SubmissionEntry = QueueEntry & { receivingInstitution: string };

export interface PageQuery {
  institutionId?: string;
  status?: string;
  flag?: RequestFlag;
  limit?: number;
  offset?: number;
}

const DAY_MS = 86_400_000;

/** The receiving institution's request queue, by status and age (oldest first). */
@Injectable()
export class QueueQuery {
  constructor(
    @Inject(READ_MODEL_READER) private readonly db: DataSource,
    @Inject(PROJECTION_POSITION) private readonly position: ProjectionPosition,
  ) {}

  /** The receiving institution's requests (registrars; auditors in scope). */
  async queue(principal: Principal, query: PageQuery): Promise<QueuePage> {
    const institutionId = institutionInScope(principal, query.institutionId);
    const { rows, ...page } = await this.page('receivingInstitution', institutionId, query);
    return { ...page, items: rows.map((r) => queueEntryOf(r, Date.now())) };
  }

  /** The requests a submitting university sent, to any receiving institution (its submitters; auditors in scope). */
  async submissions(principal: Principal, query: PageQuery): Promise<QueuePage<SubmissionEntry>> {
    const institutionId = institutionInScope(principal, query.institutionId, 'submitter');
    const { rows, ...page } = await this.page('submitterInstitution', institutionId, query);
    return { ...page, items: rows.map((r) => ({ ...queueEntryOf(r, Date.now()), receivingInstitution: r.receivingInstitution })) };
  }

  private async page(column: 'receivingInstitution' | 'submitterInstitution', institutionId: string, query: PageQuery): Promise<Omit<QueuePage, 'items'> & { rows: RequestRow[] }> {
    const upToPosition = await this.position.current();
    const countRows = await this.db.manager
      .createQueryBuilder(RequestRow, 'r')
      .select('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where(`r.${column} = :institutionId`, { institutionId })
      .groupBy('r.status')
      .getRawMany<{ status: string; n: string | number }>();
    const counts = Object.fromEntries(countRows.map((c) => [c.status, Number(c.n)]));
    const evidenceChanged = await this.db.manager.count(RequestRow, { where: { [column]: institutionId, openEvidenceChanges: MoreThan(0) } });
    const flagCounts = flagCountsOf(counts, evidenceChanged);
    const where = requestFilter({ [column]: institutionId }, query.status, query.flag);
    if (where === null) return { institutionId, upToPosition, counts, flagCounts, total: 0, rows: [] };
    const [rows, total] = await this.db.manager.findAndCount(RequestRow, {
      where,
      order: { submittedAt: 'ASC', requestId: 'ASC' },
      take: query.limit ?? 50,
      skip: query.offset ?? 0,
    });
    return { institutionId, upToPosition, counts, flagCounts, total, rows };
  }
}

/** A queue entry from a request row; the age counts from the request's recording to `now` (ms). */
export function queueEntryOf(row: RequestRow, now: number): QueueEntry {
  const { state: _state, receivingInstitution: _r, lastPosition: _p, openEvidenceChanges, ...r } = row;
  return { ...r, ageDays: Math.floor((now - Date.parse(r.submittedAt)) / DAY_MS), flags: flagsOf(row), openEvidenceChanges: openEvidenceChanges ?? 0 };
}
