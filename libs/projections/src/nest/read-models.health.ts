import { EventStore } from '@app/event-store';
import { ComponentHealth, FAILURES_BEFORE_DOWN } from '@app/platform';
import { KafkaProjector } from '../runtime/kafka-projector';
import { ReadModelProjector } from '../runtime/read-model-projector';
import { WorkerThreadProjector } from '../runtime/worker-thread-projector';

/**
 * /health's `readModels` for the embedded projector: its checkpoint, the store's head and how many
 * positions the read models are behind; down when it is not running or failed FAILURES_BEFORE_DOWN
 * times in a row (it keeps retrying; the reason is in the log).
 */
export async function embeddedProjectorHealth(projector: Pick<ReadModelProjector, 'status'>, store: Pick<EventStore, 'headPosition'>): Promise<ComponentHealth> {
  const { running, checkpoint, failures } = projector.status;
  const head = await store.headPosition();
  const up = running && failures < FAILURES_BEFORE_DOWN;
  const details = {
    projector: projector instanceof WorkerThreadProjector ? 'embedded, worker thread' : 'embedded',
    checkpoint,
    head,
    behind: Math.max(0, head - checkpoint),
    failures,
  };
  return { up, details: up ? details : { ...details, message: running ? `${failures} projection batches failed in a row (retrying; see the log)` : 'the projector is not running' } };
}

/** /health's `readModels` for the Kafka projector (query service): the highest position applied, counts; down when it is not running. */
export function kafkaProjectorHealth(projector: KafkaProjector): ComponentHealth {
  const { running, position, applied, duplicates } = projector.status;
  const details = { projector: 'kafka consumer group', highestPositionApplied: position, applied, duplicates };
  return { up: running, details: running ? details : { ...details, message: 'the Kafka consumer is not running' } };
}
