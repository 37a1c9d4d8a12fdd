import Ajv, { ErrorObject } from 'ajv';
import { AppConfig, ValidatedEnv } from './app-config';
import { APP_ENV_KEYS, APP_ENV_SCHEMA, REQUIRED_BY_EVENT_STORE } from './app-config.schema';
import { ConfigValidationError } from './config-validation.error';

/** Variables whose values are never echoed in error messages (they may hold passwords). */
const SECRET_VARIABLES = new Set(['DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'ADMIN_TOKEN']);

const PATTERN_HINTS: Record<string, string> = {
  DATABASE_URL: 'must be a PostgreSQL URL (postgres://user:password@host:5432/db)',
  EVENTSTORE_CONNECTION_STRING: 'must be an EventStoreDB connection string (esdb://host:2113?tls=false)',
  ADMIN_TOKEN: 'must be a credential token ct_<uuid>.<43 base64url characters>',
};

const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: true, strict: true });
const checkSchema = ajv.compile(APP_ENV_SCHEMA);

/**
 * The `validate` function for `ConfigModule.forRoot`: applies defaults, coerces numbers, and
 * throws a ConfigValidationError naming each bad variable and what is wrong with it. Empty
 * values count as unset. Variables the platform does not know are passed through untouched.
 */
export function validateEnv(env: Record<string, unknown>): Record<string, unknown> & ValidatedEnv {
  const known: Record<string, unknown> = {};
  for (const key of APP_ENV_KEYS) {
    const value = env[key];
    if (value === undefined || value === null || value === '') continue;
    known[key] = typeof value === 'string' ? value.trim() : value;
  }
  const problems = checkSchema(known) ? [] : (checkSchema.errors ?? []).map((error) => describe(error, known));
  if (problems.length === 0) {
    const required = REQUIRED_BY_EVENT_STORE[String(known.EVENT_STORE)];
    if (required && known[required.variable] === undefined) {
      problems.push(
        `${required.variable}: is required when EVENT_STORE=${String(known.EVENT_STORE)} (e.g. ${required.example})`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  const result: Record<string, unknown> = { ...env, ...known };
  for (const key of APP_ENV_KEYS) if (known[key] === undefined) delete result[key];
  return result as Record<string, unknown> & ValidatedEnv;
}

/** The typed view of a validated environment. */
export function toAppConfig(env: ValidatedEnv): AppConfig {
  return {
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    ...(env.ADMIN_TOKEN ? { adminToken: env.ADMIN_TOKEN } : {}),
    eventStore: eventStoreConfig(env),
  };
}

/** Validates `env` (default: process.env) and returns the typed configuration; for CLIs and scripts. */
export function loadAppConfig(env: Record<string, unknown> = process.env): AppConfig {
  return toAppConfig(validateEnv(env));
}

function eventStoreConfig(env: ValidatedEnv): AppConfig['eventStore'] {
  switch (env.EVENT_STORE) {
    case 'sqlite':
      return { kind: 'sqlite', path: env.SQLITE_PATH, synchronous: env.SQLITE_SYNCHRONOUS };
    case 'postgres':
      return { kind: 'postgres', connectionString: requireValue(env.DATABASE_URL, 'DATABASE_URL') };
    case 'eventstoredb':
      return {
        kind: 'eventstoredb',
        connectionString: requireValue(env.EVENTSTORE_CONNECTION_STRING, 'EVENTSTORE_CONNECTION_STRING'),
      };
  }
}

function requireValue(value: string | undefined, variable: string): string {
  if (value === undefined) throw new ConfigValidationError([`${variable}: is required`]);
  return value;
}

function describe(error: ErrorObject, values: Record<string, unknown>): string {
  const variable = error.instancePath.replace(/^\//, '') || '(environment)';
  const shown = SECRET_VARIABLES.has(variable) ? '' : ` (got ${JSON.stringify(values[variable])})`;
  switch (error.keyword) {
    case 'enum':
      return `${variable}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}${shown}`;
    case 'type':
      return `${variable}: must be ${error.params.type === 'integer' ? 'an integer' : `a ${String(error.params.type)}`}${shown}`;
    case 'pattern':
      return `${variable}: ${PATTERN_HINTS[variable] ?? error.message ?? 'is malformed'}${shown}`;
    default:
      return `${variable}: ${error.message ?? 'is invalid'}${shown}`;
  }
}
