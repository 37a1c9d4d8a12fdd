import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { refuse } from '@app/kernel';
import { Principal } from '@app/platform';
import { TransferRequestState } from '@app/transfer';
import { EligibilityAnswer } from '../eligibility/eligibility-answer';
import { Ledger, ledgerOf } from '../query/ledger.query';
import { QueuePage, queueEntryOf } from '../query/queue.query';
import { institutionInScope, outOfScope } from '../query/read-scope';
import { flagCountsOf, hasFlag, RequestFlag } from '../query/request-flags';
import { PolicyRow, RequestRow } from '../read-model/entities';
import { PROJECTION_POSITION, ProjectionPosition, READ_MODEL_READER } from '../read-model/read-model.tokens';
import { AsOfCut, cutDate, parseAsOf } from './as-of-cut';
import { eligibilityAsOf } from './as-of-eligibility';
import { AsOfReader } from './as-of-reader';
import { requestAsOf } from './as-of-requests';

export type AsOfAxis = 'recorded' | 'occurred';

/**
 * Eligibility, ledger and queue as of a past point, answered from the events alone (the read
 * models only list which streams exist). Needs the event store in this process.
 */
@Injectable()
export class AsOfQueries {
  private readonly reader: AsOfReader | null;

  constructor(
    @Inject(READ_MODEL_READER) private readonly db: DataSource,
    @Inject(PROJECTION_POSITION) position: ProjectionPosition,
    @Optional() @Inject(EVENT_STORE) store?: EventStore,
  ) {
    this.reader = store ? new AsOfReader(store, db, position) : null;
  }

  async eligibility(principal: Principal, learnerId: string, programId: string, asOf: string, axis: AsOfAxis = 'recorded', on?: string): Promise<EligibilityAnswer> {
    const reader = this.available();
    const { cut, positionRecordedAt } = await reader.cut(this.parse(asOf), axis);
    const policyIds = async (institutionId: string) => (await this.db.manager.find(PolicyRow, { select: { policyId: true }, where: { institutionId }, order: { policyId: 'ASC' } })).map((p) => p.policyId);
    const authorize = (institutionId: string) => {
      institutionInScope(principal, principal.role === 'auditor' ? institutionId : undefined);
      if (principal.role === 'registrar' && institutionId !== principal.institutionId) {
        throw outOfScope(`program ${programId} belongs to ${institutionId}: a registrar of ${principal.institutionId} reads only its own institution's eligibility`);
      }
    };
    // the read model is only the index of which requests exist; each is folded from its events up to the cut
    const requestIds = async (institutionId: string) =>
      (await this.db.manager.find(RequestRow, { select: { requestId: true }, where: { receivingInstitution: institutionId, learnerId, programId }, order: { requestId: 'ASC' } })).map((r) => r.requestId);
    const { answer, upToPosition } = await eligibilityAsOf(reader, { learnerId, programId, policyIds, requestIds }, cut, on ?? cutDate(cut, positionRecordedAt), authorize);
    return { ...answer, source: 'as-of', upToPosition };
  }

  async ledger(principal: Principal, learnerId: string, requestedInstitution: string | undefined, asOf: string, axis: AsOfAxis = 'recorded'): Promise<Ledger> {
    const institutionId = institutionInScope(principal, requestedInstitution);
    const reader = this.available();
    const { cut } = await reader.cut(this.parse(asOf), axis);
    const requests = await this.db.manager.find(RequestRow, { select: { requestId: true }, where: { receivingInstitution: institutionId, learnerId }, order: { requestId: 'ASC' } });
    const rows = [];
    const flagged = new Map<string, TransferRequestState>();
    for (const { requestId } of requests) {
      const found = await requestAsOf(reader, requestId, cut);
      rows.push(...(found?.ledger ?? []));
      if (found && found.state.openEvidenceChanges.length > 0) flagged.set(requestId, found.state);
    }
    rows.sort((a, b) => a.decisionPosition - b.decisionPosition || (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : a.itemId < b.itemId ? -1 : 1));
    return ledgerOf(institutionId, learnerId, this.upTo(cut, rows.map((r) => r.decisionPosition)), rows, flagged);
  }

  async queue(principal: Principal, query: { institutionId?: string; status?: string; flag?: RequestFlag; limit?: number; offset?: number }, asOf: string, axis: AsOfAxis = 'recorded'): Promise<QueuePage> {
    const institutionId = institutionInScope(principal, query.institutionId);
    const reader = this.available();
    const { cut } = await reader.cut(this.parse(asOf), axis);
    const requests = await this.db.manager.find(RequestRow, { select: { requestId: true }, where: { receivingInstitution: institutionId }, order: { requestId: 'ASC' } });
    const rows: RequestRow[] = [];
    for (const { requestId } of requests) {
      const found = await requestAsOf(reader, requestId, cut);
      if (found) rows.push(found.row);
    }
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
    const flagCounts = flagCountsOf(counts, rows.filter((r) => hasFlag(r, 'evidence-changed')).length);
    const selected = rows.filter((r) => (!query.status || r.status === query.status) && (!query.flag || hasFlag(r, query.flag))).sort((a, b) => (a.submittedAt === b.submittedAt ? (a.requestId < b.requestId ? -1 : 1) : a.submittedAt < b.submittedAt ? -1 : 1));
    const now = cut.at ? Date.parse(cut.at) : Date.parse(rows.map((r) => r.lastEventAt).sort().at(-1) ?? new Date().toISOString());
    const offset = query.offset ?? 0;
    const page = selected.slice(offset, offset + (query.limit ?? 50));
    return { institutionId, upToPosition: this.upTo(cut, rows.map((r) => r.lastPosition)), counts, flagCounts, total: selected.length, items: page.map((r) => queueEntryOf(r, now)) };
  }

  private upTo(cut: AsOfCut, positions: number[]): number {
    return cut.axis === 'recorded' ? cut.position : Math.max(-1, ...positions);
  }

  private parse(asOf: string) {
    const parsed = parseAsOf(asOf);
    if (!parsed) throw refuse.invalid('as-of-invalid', `asOf must be a global position (e.g. 1234) or a time (RFC 3339, or YYYY-MM-DD = the end of that day UTC), got "${asOf}"`, '/asOf');
    return parsed;
  }

  private available(): AsOfReader {
    if (!this.reader) throw refuse.conflict('as-of-unavailable', 'as-of answers need the event store, which this service does not read; ask the audit service');
    return this.reader;
  }
}
