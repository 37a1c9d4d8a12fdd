import Ajv from 'ajv';
import { ConfigValidationError } from '@app/platform';

const SCHEMA = {
  type: 'object',
  properties: {
    RELAY_NAME: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' },
    RELAY_BATCH_SIZE: { type: 'integer', minimum: 1, maximum: 10_000 },
    RELAY_LINGER_MS: { type: 'integer', minimum: 0, maximum: 10_000 },
    RELAY_CHECKPOINT_DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    RELAY_CHECKPOINT_SCHEMA: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$' },
  },
} as const;

/** Default producer linger of the relay (Kafka's own producer default is 5 ms since 4.0; 5 to 100 ms are common). */
export const LINGER_MS = 20;

const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: true }).compile(SCHEMA);

export interface RelayConfig {
  /** The checkpoint row's name. */
  name: string;
  batchSize: number;
  /** How long a live batch waits for more events before it is published (producer linger). */
  lingerMs: number;
  checkpoint: { connectionString: string; schema: string };
}

/**
 * The relay's own settings from the environment:
 * - RELAY_NAME (default `kafka`): its checkpoint row;
 * - RELAY_BATCH_SIZE (default 500): most events per Kafka sendBatch;
 * - RELAY_LINGER_MS (default LINGER_MS): how long the first event of a live batch waits for more
 *   before the batch is published (as a Kafka producer's linger.ms);
 * - RELAY_CHECKPOINT_DATABASE_URL (default DATABASE_URL) and RELAY_CHECKPOINT_SCHEMA (default
 *   `event_store`): where the table `relay_checkpoints` lives (the PostgreSQL event store's database).
 */
export function relayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const known: Record<string, unknown> = {};
  for (const key of Object.keys(SCHEMA.properties)) {
    const value = env[key]?.trim();
    if (value !== undefined && value !== '') known[key] = value;
  }
  if (!validate(known)) {
    throw new ConfigValidationError((validate.errors ?? []).map((e) => `${e.instancePath.slice(1) || 'relay'}: ${e.keyword === 'pattern' ? 'is malformed' : (e.message ?? 'is invalid')}`));
  }
  const connectionString = (known.RELAY_CHECKPOINT_DATABASE_URL as string | undefined) ?? env.DATABASE_URL?.trim();
  if (!connectionString) {
    throw new ConfigValidationError(['RELAY_CHECKPOINT_DATABASE_URL: is required when DATABASE_URL is not set (the relay keeps its checkpoint in PostgreSQL)']);
  }
  return {
    name: (known.RELAY_NAME as string | undefined) ?? 'kafka',
    batchSize: (known.RELAY_BATCH_SIZE as number | undefined) ?? 500,
    lingerMs: (known.RELAY_LINGER_MS as number | undefined) ?? LINGER_MS,
    checkpoint: { connectionString, schema: (known.RELAY_CHECKPOINT_SCHEMA as string | undefined) ?? 'event_store' },
  };
}
