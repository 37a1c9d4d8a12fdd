import Ajv from 'ajv';
import { dirname, join } from 'node:path';
import { ConfigValidationError } from '@app/platform';
import { ReadModelOptions } from '../read-model/read-model.options';

const SCHEMA = {
  type: 'object',
  properties: {
    READ_MODEL: { type: 'string', enum: ['sqlite', 'postgres'] },
    READ_MODEL_SQLITE_PATH: { type: 'string', minLength: 1 },
    READ_MODEL_DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    READ_MODEL_SCHEMA: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$' },
    PROJECTION_BATCH_SIZE: { type: 'integer', minimum: 1, maximum: 10_000 },
    PROJECTOR_THREAD: { type: 'string', enum: ['worker', 'main'] },
    READ_MIN_POSITION_WAIT_MS: { type: 'integer', minimum: 0, maximum: 60_000 },
  },
} as const;

export const DEFAULT_MIN_POSITION_WAIT_MS = 5_000;

const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: true }).compile(SCHEMA);

export interface ProjectionsConfig {
  readModel: ReadModelOptions;
  batchSize: number;
  /** Where the embedded projector runs: a worker thread (default) or the main (request) thread. */
  projectorThread: 'worker' | 'main';
  /** How long a read with `minPosition` waits for the read models at most (ms; default 5000). */
  minPositionWaitMs?: number;
}

/**
 * The read-model configuration from the environment:
 * - READ_MODEL: sqlite (default when the event store is SQLite) or postgres (default otherwise);
 * - READ_MODEL_SQLITE_PATH: default `read-models.sqlite` next to SQLITE_PATH (./data);
 * - READ_MODEL_DATABASE_URL (default DATABASE_URL) and READ_MODEL_SCHEMA (default read_models) for postgres;
 * - PROJECTION_BATCH_SIZE: events per read-model transaction during catch-up (default 500);
 * - PROJECTOR_THREAD: worker (default: the embedded projector runs on a worker thread, off the
 *   request thread) or main;
 * - READ_MIN_POSITION_WAIT_MS: how long a read with `minPosition` waits for the read models
 *   before it answers 503 (default 5000, at most 60000).
 */
export function projectionsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ProjectionsConfig {
  const known: Record<string, unknown> = {};
  for (const key of Object.keys(SCHEMA.properties)) if (env[key] !== undefined && env[key] !== '') known[key] = env[key];
  if (!validate(known)) {
    throw new ConfigValidationError((validate.errors ?? []).map((e) => `${e.instancePath.slice(1) || 'read model'}: ${e.message ?? 'is invalid'}`));
  }
  const kind = (known.READ_MODEL as string | undefined) ?? ((env.EVENT_STORE ?? 'sqlite') === 'sqlite' ? 'sqlite' : 'postgres');
  const batchSize = (known.PROJECTION_BATCH_SIZE as number | undefined) ?? 500;
  const projectorThread = (known.PROJECTOR_THREAD as 'worker' | 'main' | undefined) ?? 'worker';
  const minPositionWaitMs = (known.READ_MIN_POSITION_WAIT_MS as number | undefined) ?? DEFAULT_MIN_POSITION_WAIT_MS;
  if (kind === 'sqlite') {
    const file = (known.READ_MODEL_SQLITE_PATH as string | undefined) ?? join(dirname(env.SQLITE_PATH || './data/events.sqlite'), 'read-models.sqlite');
    return { readModel: { kind: 'sqlite', file }, batchSize, projectorThread, minPositionWaitMs };
  }
  const url = (known.READ_MODEL_DATABASE_URL as string | undefined) ?? env.DATABASE_URL;
  if (!url) throw new ConfigValidationError(['READ_MODEL_DATABASE_URL: is required when READ_MODEL=postgres and DATABASE_URL is not set (e.g. postgres://user:password@host:5432/db)']);
  return { readModel: { kind: 'postgres', url, schema: (known.READ_MODEL_SCHEMA as string | undefined) ?? 'read_models' }, batchSize, projectorThread, minPositionWaitMs };
}
