import { ChainFault } from '@app/event-store';
import { DigestAt } from './log-digest';

/** What a verification found. `ok` is false on any chain fault or a digest that does not match. */
export interface VerifyReport {
  ok: boolean;
  store: string;
  /** Events read and checked. */
  checked: number;
  /** Distinct streams seen. */
  streams: number;
  /** Events whose chain check failed (the verification carries on past a fault). */
  faults: number;
  /** The first fault in global order, or null. */
  firstFault: ChainFault | null;
  /** Position of the last event read (-1 for an empty log). */
  lastPosition: number;
  /** The running global digest at the last event read. */
  digest: DigestAt;
  /** The digest the caller expected, and whether the log reproduced it. Absent when none was given. */
  expectedDigest?: { digest: string; position: number; actual: DigestAt; matches: boolean };
  startedAt: string;
  seconds: number;
}
