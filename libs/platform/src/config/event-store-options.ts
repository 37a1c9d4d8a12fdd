import { DynamicModule } from '@nestjs/common';
import { EventStoreModule, EventStoreOptions } from '@app/event-store';
import { APP_CONFIG, AppConfig } from './app-config';

/** The `EventStoreOptions` the configuration names (EVENT_STORE and its connection variables). */
export function eventStoreOptionsFrom(config: AppConfig): EventStoreOptions {
  const store = config.eventStore;
  switch (store.kind) {
    case 'sqlite':
      return { kind: 'sqlite', path: store.path, synchronous: store.synchronous };
    case 'postgres':
      return { kind: 'postgres', connectionString: store.connectionString };
    case 'eventstoredb':
      return { kind: 'eventstoredb', connectionString: store.connectionString };
  }
}

/** `EventStoreModule.forRootAsync` wired to the validated configuration; import it once per app. */
export function eventStoreFromConfig(): DynamicModule {
  return EventStoreModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => eventStoreOptionsFrom(config),
  });
}
