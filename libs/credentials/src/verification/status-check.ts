import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { Check, JsonObject, StatusOutcome, asArray, isObject, stringOrNull } from './verification.report';

const ENTRY_TYPES = new Set(['BitstringStatusListEntry', 'StatusList2021Entry']);

export interface StatusEntry {
  url: string;
  index: number;
  purpose: string;
}

/** A status list credential found for an entry, and whether it passed its own verification. */
export type ListLookup = { credential: JsonObject; problem: string | null } | null;

export function statusEntries(credential: JsonObject): { entries: StatusEntry[]; problems: string[] } {
  const entries: StatusEntry[] = [];
  const problems: string[] = [];
  for (const raw of asArray(credential.credentialStatus)) {
    if (!isObject(raw)) {
      problems.push('a credentialStatus entry is not an object');
      continue;
    }
    const type = asArray(raw.type).find((t) => typeof t === 'string' && ENTRY_TYPES.has(t));
    const url = stringOrNull(raw.statusListCredential);
    const index = typeof raw.statusListIndex === 'string' && /^\d+$/.test(raw.statusListIndex) ? Number(raw.statusListIndex) : typeof raw.statusListIndex === 'number' ? raw.statusListIndex : NaN;
    const purpose = stringOrNull(raw.statusPurpose);
    if (!type) problems.push(`status entry type ${JSON.stringify(raw.type)} is not supported (BitstringStatusListEntry, StatusList2021Entry)`);
    else if (!url || Number.isNaN(index) || !purpose) problems.push('a status entry lacks statusListCredential, statusListIndex or statusPurpose');
    else entries.push({ url, index, purpose });
  }
  return { entries, problems };
}

const RANK: Record<StatusOutcome, number> = { none: 0, 'not-revoked': 1, unknown: 2, suspended: 3, revoked: 4 };

/**
 * Reads each entry's bit in its list (never trusting a library's `verified`: the bit decides).
 * revoked/suspended by the entry's statusPurpose; unknown when the list is missing or failed.
 */
export async function statusCheck(credential: JsonObject, lookup: (entry: StatusEntry) => Promise<ListLookup>): Promise<{ status: StatusOutcome; check: Check }> {
  const { entries, problems } = statusEntries(credential);
  if (entries.length === 0 && problems.length === 0) return { status: 'none', check: { check: 'status', outcome: 'passed', message: 'the credential has no status entry' } };
  let status: StatusOutcome = problems.length > 0 ? 'unknown' : 'none';
  const messages = [...problems];
  for (const entry of entries) {
    const outcome = await entryStatus(entry, await lookup(entry));
    messages.push(outcome.message);
    if (RANK[outcome.status] > RANK[status]) status = outcome.status;
  }
  const outcome = status === 'not-revoked' ? 'passed' : status === 'unknown' ? 'unknown' : 'failed';
  return { status, check: { check: 'status', outcome, message: messages.join('; ') } };
}

async function entryStatus(entry: StatusEntry, found: ListLookup): Promise<{ status: StatusOutcome; message: string }> {
  const at = `${entry.purpose} bit ${entry.index} of ${entry.url}`;
  if (!found) return { status: 'unknown', message: `${at}: the status list was neither given in the request nor registered` };
  if (found.problem) return { status: 'unknown', message: `${at}: the status list failed its own verification: ${found.problem}` };
  const subject = asArray(found.credential.credentialSubject).find(isObject);
  const encodedList = subject ? stringOrNull(subject.encodedList) : null;
  const listPurposes = subject ? asArray(subject.statusPurpose) : [];
  if (!encodedList) return { status: 'unknown', message: `${at}: the status list has no encodedList` };
  if (!listPurposes.includes(entry.purpose)) return { status: 'unknown', message: `${at}: the list's statusPurpose ${JSON.stringify(subject?.statusPurpose)} does not match` };
  let bit: boolean;
  try {
    const list = await decodeList({ encodedList });
    if (entry.index >= list.length) return { status: 'unknown', message: `${at}: index beyond the list's ${list.length} bits` };
    bit = list.getStatus(entry.index);
  } catch (error) {
    return { status: 'unknown', message: `${at}: the encodedList cannot be decoded (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!bit) return { status: 'not-revoked', message: `${at}: clear` };
  if (entry.purpose === 'revocation') return { status: 'revoked', message: `${at}: set, revoked` };
  if (entry.purpose === 'suspension') return { status: 'suspended', message: `${at}: set, suspended` };
  return { status: 'unknown', message: `${at}: set, a purpose that is neither revocation nor suspension` };
}
