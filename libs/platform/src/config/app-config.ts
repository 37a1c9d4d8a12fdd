/** Where events are stored; chosen by EVENT_STORE. */
export const EVENT_STORE_KINDS = ['sqlite', 'postgres', 'eventstoredb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

export const SQLITE_SYNCHRONOUS_MODES = ['FULL', 'NORMAL'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated environment, as `ConfigService` holds it (variable names, defaults applied). */
export interface ValidatedEnv {
  PORT: number;
  HOST: string;
  EVENT_STORE: EventStoreKind;
  SQLITE_PATH: string;
  SQLITE_SYNCHRONOUS: SqliteSynchronous;
  DATABASE_URL?: string;
  EVENTSTORE_CONNECTION_STRING?: string;
  ADMIN_TOKEN?: string;
  LOG_LEVEL: LogLevel;
  RECORDS_EXTERNAL_REF_SALT?: string;
}

/** The typed configuration every service reads (inject it with `@Inject(APP_CONFIG)`). */
export interface AppConfig {
  port: number;
  host: string;
  logLevel: LogLevel;
  /** The first admin credential (`ct_<uuid>.<secret>`); generated and printed once when absent. */
  adminToken?: string;
  eventStore:
    | { kind: 'sqlite'; path: string; synchronous: SqliteSynchronous }
    | { kind: 'postgres'; connectionString: string }
    | { kind: 'eventstoredb'; connectionString: string };
}

export const APP_CONFIG = Symbol.for('credit-transfer.AppConfig');
