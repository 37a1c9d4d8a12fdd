/** How to reach the event store; chosen by configuration (EVENT_STORE=sqlite|postgres|eventstoredb). */
export type EventStoreOptions =
  | {
      kind: 'sqlite';
      /** File path, or ':memory:' for tests. */
      path: string;
      /** PRAGMA synchronous: FULL (default: every commit is fsynced) or NORMAL. */
      synchronous?: 'FULL' | 'NORMAL';
    }
  | {
      kind: 'postgres';
      connectionString: string;
      /** Schema holding the events table (default "event_store"). */
      schema?: string;
      poolSize?: number;
    }
  | {
      kind: 'eventstoredb';
      connectionString: string;
    };
