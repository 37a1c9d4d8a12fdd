import Ajv from 'ajv';
import { dirname, join } from 'node:path';
import { ConfigValidationError } from '@app/platform';

const SCHEMA = {
  type: 'object',
  properties: {
    EVIDENCE_REACTOR: { type: 'string', enum: ['on', 'off'] },
    EVIDENCE_REACTOR_NAME: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' },
    EVIDENCE_REACTOR_POLL_MS: { type: 'integer', minimum: 10, maximum: 60_000 },
    EVIDENCE_REACTOR_STATE: { type: 'string', enum: ['sqlite', 'postgres', 'memory'] },
    EVIDENCE_REACTOR_SQLITE_PATH: { type: 'string', minLength: 1 },
    EVIDENCE_REACTOR_DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    EVIDENCE_REACTOR_SCHEMA: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$' },
  },
} as const;

const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: true }).compile(SCHEMA);

export type ReactorStateOptions = { kind: 'sqlite'; file: string } | { kind: 'postgres'; connectionString: string; schema: string } | { kind: 'memory' };

export interface ReactorConfig {
  enabled: boolean;
  name: string;
  pollIntervalMs: number;
  state: ReactorStateOptions;
}

/**
 * The evidence-change reactor's settings from the environment:
 * - EVIDENCE_REACTOR: `on` (default) or `off` (another process runs it: run exactly one per store
 *   if you can; two are safe, each change is still recorded once, but they do the work twice);
 * - EVIDENCE_REACTOR_NAME (default `evidence-changes`): its checkpoint row;
 * - EVIDENCE_REACTOR_POLL_MS (default 250): how often it looks for appends by other processes;
 * - EVIDENCE_REACTOR_STATE: where its checkpoint and index live. Default: with the SQLite store a
 *   file of its own (EVIDENCE_REACTOR_SQLITE_PATH, default `reactors.sqlite` next to SQLITE_PATH;
 *   `memory` for an in-memory store), otherwise PostgreSQL at EVIDENCE_REACTOR_DATABASE_URL
 *   (default DATABASE_URL: the PostgreSQL event store's database; required with EventStoreDB),
 *   schema EVIDENCE_REACTOR_SCHEMA (default `event_store`, next to the relay's checkpoint).
 */
export function reactorConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ReactorConfig {
  const known: Record<string, unknown> = {};
  for (const key of Object.keys(SCHEMA.properties)) {
    const value = env[key]?.trim();
    if (value !== undefined && value !== '') known[key] = value;
  }
  if (!validate(known)) {
    throw new ConfigValidationError((validate.errors ?? []).map((e) => `${e.instancePath.slice(1) || 'evidence reactor'}: ${e.keyword === 'pattern' ? 'is malformed' : (e.message ?? 'is invalid')}`));
  }
  const store = env.EVENT_STORE?.trim() || 'sqlite';
  const sqlitePath = env.SQLITE_PATH?.trim() || './data/events.sqlite';
  const kind = (known.EVIDENCE_REACTOR_STATE as ReactorStateOptions['kind'] | undefined) ?? (store === 'sqlite' ? (sqlitePath === ':memory:' ? 'memory' : 'sqlite') : 'postgres');
  const base = {
    enabled: (known.EVIDENCE_REACTOR ?? 'on') === 'on',
    name: (known.EVIDENCE_REACTOR_NAME as string | undefined) ?? 'evidence-changes',
    pollIntervalMs: (known.EVIDENCE_REACTOR_POLL_MS as number | undefined) ?? 250,
  };
  if (kind === 'memory') return { ...base, state: { kind } };
  if (kind === 'sqlite') return { ...base, state: { kind, file: (known.EVIDENCE_REACTOR_SQLITE_PATH as string | undefined) ?? join(dirname(sqlitePath), 'reactors.sqlite') } };
  const connectionString = (known.EVIDENCE_REACTOR_DATABASE_URL as string | undefined) ?? env.DATABASE_URL?.trim();
  if (!connectionString && base.enabled) {
    throw new ConfigValidationError(['EVIDENCE_REACTOR_DATABASE_URL: is required when DATABASE_URL is not set (the evidence-change reactor keeps its checkpoint in PostgreSQL)']);
  }
  return { ...base, state: { kind, connectionString: connectionString ?? '', schema: (known.EVIDENCE_REACTOR_SCHEMA as string | undefined) ?? 'event_store' } };
}
