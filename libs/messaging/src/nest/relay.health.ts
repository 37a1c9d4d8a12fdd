import { EventStore } from '@app/event-store';
import { ComponentHealth, FAILURES_BEFORE_DOWN } from '@app/platform';
import { EventRelay } from '../relay/event-relay';

/**
 * /health's `relay`: the checkpoint (last event Kafka acknowledged), the store's head and how many
 * positions Kafka is behind; down when the relay is not running, stopped on an unroutable event,
 * or failed FAILURES_BEFORE_DOWN times in a row (it keeps retrying; the reason is in the log).
 */
export async function relayHealth(relay: Pick<EventRelay, 'status'> | null, store: Pick<EventStore, 'headPosition'>): Promise<ComponentHealth> {
  if (!relay) return { up: false, details: { message: 'the relay has not started' } };
  const { running, checkpoint, failures, published, fatal } = relay.status;
  const head = await store.headPosition();
  const details = { checkpoint, head, behind: Math.max(0, head - checkpoint), failures, published };
  if (fatal) return { up: false, details: { ...details, message: `stopped: ${fatal}` } };
  if (!running) return { up: false, details: { ...details, message: 'the relay is not running' } };
  if (failures >= FAILURES_BEFORE_DOWN) return { up: false, details: { ...details, message: `${failures} publishes failed in a row (retrying; see the log)` } };
  return { up: true, details };
}
