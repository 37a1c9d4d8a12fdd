import { FindOptionsWhere, MoreThan } from 'typeorm';
import { RequestRow } from '../read-model/entities';

/**
 * What needs the receiving institution's attention on a request, besides its status:
 * - `evidence-changed`: evidence the decision in force (or the proposal awaiting one) rests on was
 *   revoked, regraded or withdrawn since (RequestEvidenceChanged); cleared by the next decision or revision;
 * - `appealed`: under appeal (status appealed), until the revision.
 */
export const REQUEST_FLAGS = ['evidence-changed', 'appealed'] as const;
export type RequestFlag = (typeof REQUEST_FLAGS)[number];

type FlaggedRow = Pick<RequestRow, 'status' | 'openEvidenceChanges'>;

export function flagsOf(row: FlaggedRow): RequestFlag[] {
  const flags: RequestFlag[] = [];
  if ((row.openEvidenceChanges ?? 0) > 0) flags.push('evidence-changed');
  if (row.status === 'appealed') flags.push('appealed');
  return flags;
}

export const hasFlag = (row: FlaggedRow, flag: RequestFlag): boolean => flagsOf(row).includes(flag);

/** Requests per flag, from the counts per status and the number flagged `evidence-changed`. */
export function flagCountsOf(statusCounts: Record<string, number>, evidenceChanged: number): Record<RequestFlag, number> {
  return { 'evidence-changed': evidenceChanged, appealed: statusCounts.appealed ?? 0 };
}

/**
 * The row filter for a status and a flag (either optional), or null when the two cannot both hold
 * (flag `appealed` with another status): nothing matches.
 */
export function requestFilter(base: FindOptionsWhere<RequestRow>, status: string | undefined, flag: RequestFlag | undefined): FindOptionsWhere<RequestRow> | null {
  if (flag === 'appealed') return status === undefined || status === 'appealed' ? { ...base, status: 'appealed' } : null;
  return { ...base, ...(status ? { status } : {}), ...(flag === 'evidence-changed' ? { openEvidenceChanges: MoreThan(0) } : {}) };
}
