import { EventStore } from '@app/event-store';
import { ComponentHealth, FAILURES_BEFORE_DOWN } from '@app/platform';
import { EvidenceChangeReactor } from '../evidence-change-reactor';

/**
 * /health's `evidenceReactor`: the position up to which the reactor has handled the log, the one
 * saved, the store's head and how far behind it is, requests flagged and refused; down when it is
 * not running or failed FAILURES_BEFORE_DOWN passes in a row (it keeps retrying).
 */
export async function reactorHealth(reactor: Pick<EvidenceChangeReactor, 'status'> | null, store: Pick<EventStore, 'headPosition'>, stateKind: string): Promise<ComponentHealth> {
  if (!reactor) return { up: false, details: { message: 'the evidence-change reactor has not started' } };
  const { running, checkpoint, saved, failures, flagged, refused } = reactor.status;
  const head = await store.headPosition();
  const details = { checkpoint, saved, head, behind: Math.max(0, head - checkpoint), failures, flagged, refused, state: stateKind };
  if (!running) return { up: false, details: { ...details, message: 'the evidence-change reactor is not running' } };
  if (failures >= FAILURES_BEFORE_DOWN) return { up: false, details: { ...details, message: `${failures} passes failed in a row (retrying; see the log)` } };
  return { up: true, details };
}
