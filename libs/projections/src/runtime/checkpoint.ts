import { EntityManager } from 'typeorm';
import { ProjectionCheckpoint } from '../read-model/entities';

/** The one projector that feeds every read model from the store's global order. */
export const READ_MODELS_PROJECTION = 'read-models';

export async function readCheckpoint(manager: EntityManager, projection = READ_MODELS_PROJECTION): Promise<number> {
  const row = await manager.findOneBy(ProjectionCheckpoint, { projection });
  return row?.position ?? -1;
}

export async function writeCheckpoint(manager: EntityManager, position: number, projection = READ_MODELS_PROJECTION): Promise<void> {
  await manager.upsert(ProjectionCheckpoint, { projection, position }, { conflictPaths: ['projection'], skipUpdateIfNoValuesChanged: false });
}

/**
 * The checkpoint moved under a running projector (a rebuild switched the tables in): its batch is
 * rolled back and it resumes from the stored checkpoint.
 */
export class CheckpointMovedError extends Error {
  constructor(readonly expected: number, readonly found: number) {
    super(`projection checkpoint is ${found}, expected ${expected}: the read models were switched; resuming from the stored checkpoint`);
    this.name = 'CheckpointMovedError';
  }
}

/**
 * The checkpoint, locked until the caller's transaction ends (PostgreSQL: SELECT ... FOR UPDATE,
 * so a concurrent projector or a rebuild switch waits instead of interleaving; SQLite serialises
 * writers itself and refuses to upgrade a stale read snapshot).
 */
export async function lockCheckpoint(manager: EntityManager, projection = READ_MODELS_PROJECTION): Promise<number> {
  if (manager.connection.options.type !== 'postgres') return readCheckpoint(manager, projection);
  const row = await manager.findOne(ProjectionCheckpoint, { where: { projection }, lock: { mode: 'pessimistic_write' } });
  return row?.position ?? -1;
}

/** Applies `work` and moves the checkpoint from `expected` to `to` in the caller's transaction, or throws CheckpointMovedError. */
export async function advanceCheckpoint(manager: EntityManager, expected: number, to: number, work: () => Promise<void>): Promise<void> {
  const found = await lockCheckpoint(manager);
  if (found !== expected) throw new CheckpointMovedError(expected, found);
  await work();
  await writeCheckpoint(manager, to);
}
