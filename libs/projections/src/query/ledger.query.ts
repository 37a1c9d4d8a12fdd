import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, MoreThan } from 'typeorm';
import { Principal } from '@app/platform';
import { add, parseRational, Rational, toDecimal, toExact } from '@app/requirements';
import { Amount } from '../eligibility/eligibility-answer';
import { JsonValue } from '@app/event-store';
import { TransferRequestState } from '@app/transfer';
import { LedgerRow, RequestRow } from '../read-model/entities';
import { LedgerEntryEvidenceChange, LedgerEvidenceChanges, markEvidenceChanges } from './ledger-evidence-changes';
import { requestStateOf } from './request-state';
import { PROJECTION_POSITION, ProjectionPosition, READ_MODEL_READER } from '../read-model/read-model.tokens';
import { institutionInScope } from './read-scope';

export interface LedgerEntry {
  requestId: string;
  itemId: string;
  programId: string;
  kind: string;
  refId: string;
  outcome: string;
  reasonCode: string;
  credits: Amount;
  unit: string;
  decidedOn: string;
  decisionPosition: number;
  provenance: JsonValue;
  /** Set when evidence under this decision changed since (RequestEvidenceChanged, not yet re-decided): the cause, the new evidence, the proposal now, the effect. */
  evidenceChange: LedgerEntryEvidenceChange | null;
}

export interface Ledger {
  institutionId: string;
  learnerId: string;
  upToPosition: number;
  /** Credits recognized (granted or partially granted), per unit. */
  totals: Record<string, Amount>;
  entries: LedgerEntry[];
  /** Requests of this ledger flagged `evidence-changed`, and the totals if their changed entries were re-decided as now proposed (null: none flagged). */
  evidenceChanges: LedgerEvidenceChanges | null;
}

/** A learner's credit ledger at one receiving institution: every decided item with its provenance. */
@Injectable()
export class LedgerQuery {
  constructor(
    @Inject(READ_MODEL_READER) private readonly db: DataSource,
    @Inject(PROJECTION_POSITION) private readonly position: ProjectionPosition,
  ) {}

  async ledger(principal: Principal, learnerId: string, requestedInstitution?: string): Promise<Ledger> {
    const institutionId = institutionInScope(principal, requestedInstitution);
    const upToPosition = await this.position.current();
    const rows = await this.db.manager.find(LedgerRow, { where: { institutionId, learnerId }, order: { decisionPosition: 'ASC', requestId: 'ASC', itemId: 'ASC' } });
    const requestIds = [...new Set(rows.map((r) => r.requestId))];
    const flagged = requestIds.length === 0 ? [] : await this.db.manager.find(RequestRow, { where: { requestId: In(requestIds), openEvidenceChanges: MoreThan(0) } });
    return ledgerOf(institutionId, learnerId, upToPosition, rows, new Map(flagged.map((r) => [r.requestId, requestStateOf(r.state)])));
  }
}

/**
 * The ledger answer from ledger rows (stored, or derived from history for an as-of answer);
 * `flagged`: the states of its requests flagged `evidence-changed`, whose entries are marked.
 */
export function ledgerOf(institutionId: string, learnerId: string, upToPosition: number, rows: LedgerRow[], flagged: ReadonlyMap<string, TransferRequestState> = new Map()): Ledger {
  const sums = new Map<string, Rational>();
  for (const r of rows) {
    if (r.outcome === 'denied') continue;
    sums.set(r.unit, add(sums.get(r.unit) ?? parseRational('0'), parseRational(r.credits)));
  }
  return {
    institutionId,
    learnerId,
    upToPosition,
    totals: Object.fromEntries([...sums].map(([unit, sum]) => [unit, { exact: toExact(sum), decimal: toDecimal(sum) }])),
    ...withAmounts(
      markEvidenceChanges(
        rows.map(({ institutionId: _i, learnerId: _l, provenance, ...r }) => ({ ...r, provenance: JSON.parse(provenance) as JsonValue })),
        flagged,
      ),
    ),
  };
}

type MarkedEntry = Omit<LedgerEntry, 'credits'> & { credits: string };

/** Entries' credits as amounts ({ exact, decimal }), as everywhere the API shows credits. */
function withAmounts<R extends { entries: MarkedEntry[] }>(marked: R): Omit<R, 'entries'> & { entries: LedgerEntry[] } {
  const { entries, ...rest } = marked;
  return { ...rest, entries: entries.map((e) => ({ ...e, credits: { exact: e.credits, decimal: toDecimal(parseRational(e.credits)) } })) };
}
