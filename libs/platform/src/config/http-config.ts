import Ajv from 'ajv';
import { ConfigValidationError } from './config-validation.error';

/**
 * Limits and protections of the HTTP server, from the environment (validated like the rest of
 * the configuration; read before Nest starts, since the server is created first).
 */
export interface HttpConfig {
  /** Time a client has to send a request's headers (Node `headersTimeout`); also bounds an idle new connection. */
  headersTimeoutMs: number;
  /** Time a client has to send a whole request (Node `requestTimeout`). */
  requestTimeoutMs: number;
  /** Time an idle keep-alive connection is kept open between requests. */
  keepAliveTimeoutMs: number;
  /** Socket inactivity timeout (Fastify `connectionTimeout`). */
  connectionTimeoutMs: number;
  /** Simultaneous connections accepted (Node `maxConnections`); further ones are closed at once. */
  maxConnections: number;
  /** Largest request body, in bytes (413 beyond). */
  bodyLimitBytes: number;
  /** Deepest nesting of arrays and objects accepted in a JSON body (400 beyond). */
  jsonMaxDepth: number;
  /** `Strict-Transport-Security` max-age in seconds; 0 sends no HSTS header. */
  hstsMaxAgeSeconds: number;
  /** Origins allowed by CORS (exact, e.g. https://registrar.example.org); empty: CORS off. */
  corsOrigins: string[];
  /** Failed authentications a client IP may make per window before it is answered 429; 0: no limit. */
  authFailureLimit: number;
  authFailureWindowMs: number;
}

export const HTTP_ENV_SCHEMA = {
  type: 'object',
  properties: {
    HTTP_HEADERS_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 600_000, default: 10_000 },
    HTTP_REQUEST_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 3_600_000, default: 30_000 },
    HTTP_KEEP_ALIVE_TIMEOUT_MS: { type: 'integer', minimum: 100, maximum: 600_000, default: 5_000 },
    HTTP_CONNECTION_TIMEOUT_MS: { type: 'integer', minimum: 0, maximum: 3_600_000, default: 60_000 },
    HTTP_MAX_CONNECTIONS: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 10_000 },
    HTTP_BODY_LIMIT_BYTES: { type: 'integer', minimum: 1024, maximum: 104_857_600, default: 1_048_576 },
    HTTP_JSON_MAX_DEPTH: { type: 'integer', minimum: 4, maximum: 1000, default: 64 },
    HSTS_MAX_AGE: { type: 'integer', minimum: 0, maximum: 63_072_000, default: 15_552_000 },
    CORS_ORIGINS: { type: 'string', pattern: '^(https?://[^\\s,/]+)(,\\s*https?://[^\\s,/]+)*$' },
    AUTH_FAILURE_LIMIT: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 100 },
    AUTH_FAILURE_WINDOW_MS: { type: 'integer', minimum: 1000, maximum: 86_400_000, default: 60_000 },
  },
} as const;

type HttpEnvKey = keyof typeof HTTP_ENV_SCHEMA.properties;
export const HTTP_ENV_KEYS = Object.keys(HTTP_ENV_SCHEMA.properties) as HttpEnvKey[];

const check = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: true, strict: true }).compile(HTTP_ENV_SCHEMA);

/** The HTTP configuration of `env` (default: process.env); throws a ConfigValidationError naming each bad variable. */
export function loadHttpConfig(env: Record<string, string | undefined> = process.env): HttpConfig {
  const values: Record<string, unknown> = {};
  for (const key of HTTP_ENV_KEYS) {
    const value = env[key]?.trim();
    if (value) values[key] = value;
  }
  if (!check(values)) {
    throw new ConfigValidationError((check.errors ?? []).map((e) => `${e.instancePath.replace(/^\//, '')}: ${e.message ?? 'is invalid'} (got ${JSON.stringify(values[e.instancePath.slice(1)])})`));
  }
  const number = (key: HttpEnvKey): number => values[key] as number;
  return {
    headersTimeoutMs: number('HTTP_HEADERS_TIMEOUT_MS'),
    requestTimeoutMs: number('HTTP_REQUEST_TIMEOUT_MS'),
    keepAliveTimeoutMs: number('HTTP_KEEP_ALIVE_TIMEOUT_MS'),
    connectionTimeoutMs: number('HTTP_CONNECTION_TIMEOUT_MS'),
    maxConnections: number('HTTP_MAX_CONNECTIONS'),
    bodyLimitBytes: number('HTTP_BODY_LIMIT_BYTES'),
    jsonMaxDepth: number('HTTP_JSON_MAX_DEPTH'),
    hstsMaxAgeSeconds: number('HSTS_MAX_AGE'),
    corsOrigins: typeof values.CORS_ORIGINS === 'string' ? values.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : [],
    authFailureLimit: number('AUTH_FAILURE_LIMIT'),
    authFailureWindowMs: number('AUTH_FAILURE_WINDOW_MS'),
  };
}
