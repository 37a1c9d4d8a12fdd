import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '@app/platform';
import { add, parseRational, Rational, toDecimal, toExact } from '@app/requirements';
import { Amount } from '../eligibility/eligibility-answer';
import { JsonValue } from '@app/event-store';
import { LedgerRow } from '../read-model/entities';
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
}

export interface Ledger {
  institutionId: string;
  learnerId: string;
  upToPosition: number;
  /** Credits recognized (granted or partially granted), per unit. */
  totals: Record<string, Amount>;
  entries: LedgerEntry[];
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
    return ledgerOf(institutionId, learnerId, upToPosition, rows);
  }
}

/** The ledger answer from ledger rows (stored, or derived from history for an as-of answer). */
export function ledgerOf(institutionId: string, learnerId: string, upToPosition: number, rows: LedgerRow[]): Ledger {
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
    entries: rows.map(({ institutionId: _i, learnerId: _l, provenance, credits, ...r }) => ({ ...r, credits: { exact: credits, decimal: toDecimal(parseRational(credits)) }, provenance: JSON.parse(provenance) as JsonValue })),
  };
}
