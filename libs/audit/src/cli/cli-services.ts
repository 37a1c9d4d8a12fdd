import { DataSource } from 'typeorm';
import { EventStore } from '@app/event-store';
import { Principal } from '@app/platform';
import { createReadModelDataSource, projectionsConfigFromEnv, readCheckpoint } from '@app/projections';
import { EvaluationReproducer, LearnerEvidenceReader, PolicyCatalog, ProgramCatalog } from '@app/transfer';
import { CliContext } from './audit-command';

/** Whoever runs the CLI holds the store's credentials: the platform operator, reading everything. */
export const CLI_PRINCIPAL: Principal = { credentialId: 'audit-cli', institutionId: 'platform', role: 'admin', auditScope: ['*'] };

export function reproducerFor(store: EventStore): EvaluationReproducer {
  return new EvaluationReproducer(store, new ProgramCatalog(store), new PolicyCatalog(store), new LearnerEvidenceReader(store));
}

/**
 * The read models the environment configures (READ_MODEL*, opened read-only on SQLite), used as
 * indexes; warns on stderr when they are behind the log (a server that is not running, or a
 * projector catching up), since the history index would then miss the latest events.
 */
export async function openReadModels(store: EventStore, ctx: CliContext): Promise<DataSource> {
  const { readModel } = projectionsConfigFromEnv();
  const db = await createReadModelDataSource(readModel, 'reader').initialize();
  const [indexed, head] = [await readCheckpoint(db.manager), await store.headPosition()];
  if (indexed < head) {
    ctx.stderr.write(`warning: the read models are at position ${indexed}, the log at ${head}; start the server (or run npm run projections:rebuild) to index the rest\n`);
  }
  return db;
}
