import { EventStore } from './event-store.port';
import { EventStoreOptions } from './event-store.options';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';

/** Opens the adapter the configuration names, ready to use (schema created where needed). */
export async function createEventStore(options: EventStoreOptions): Promise<EventStore> {
  switch (options.kind) {
    case 'sqlite':
      return new SqliteEventStore(options.path, options.synchronous);
    case 'postgres':
      return PostgresEventStore.connect(options);
    case 'eventstoredb':
      return EventStoreDbEventStore.connect(options.connectionString);
  }
}
