import { EVENT_STORE_KINDS, LOG_LEVELS, SQLITE_SYNCHRONOUS_MODES } from './app-config';

/**
 * JSON schema of the environment variables this platform reads (ajv, with defaults and type
 * coercion). Variables it does not name are left alone. Conditional requirements (DATABASE_URL
 * for postgres...) are checked in `validate-env.ts`, where the message can name the condition.
 */
export const APP_ENV_SCHEMA = {
  type: 'object',
  properties: {
    PORT: { type: 'integer', minimum: 1, maximum: 65535, default: 3000 },
    HOST: { type: 'string', minLength: 1, default: '0.0.0.0' },
    EVENT_STORE: { type: 'string', enum: [...EVENT_STORE_KINDS], default: 'sqlite' },
    SQLITE_PATH: { type: 'string', minLength: 1, default: './data/events.sqlite' },
    SQLITE_SYNCHRONOUS: { type: 'string', enum: [...SQLITE_SYNCHRONOUS_MODES], default: 'FULL' },
    DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    EVENTSTORE_CONNECTION_STRING: { type: 'string', pattern: '^esdb(\\+discover)?://' },
    ADMIN_TOKEN: { type: 'string', pattern: '^ct_[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}$' },
    LOG_LEVEL: { type: 'string', enum: [...LOG_LEVELS], default: 'info' },
    // Key of the HMAC that pseudonymises learners' external references (records service).
    RECORDS_EXTERNAL_REF_SALT: { type: 'string', minLength: 16, maxLength: 512 },
  },
} as const;

/** The variables the schema knows, in the order they are documented. */
export const APP_ENV_KEYS = Object.keys(APP_ENV_SCHEMA.properties) as (keyof typeof APP_ENV_SCHEMA.properties)[];

/** Variables required only for one event store, with the condition that requires them. */
export const REQUIRED_BY_EVENT_STORE: Record<string, { variable: string; example: string }> = {
  postgres: { variable: 'DATABASE_URL', example: 'postgres://user:password@host:5432/db' },
  eventstoredb: { variable: 'EVENTSTORE_CONNECTION_STRING', example: 'esdb://host:2113?tls=false' },
};
