import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { createEventStore } from '../create-event-store';
import { EVENT_STORE, EventStore } from '../event-store.port';
import { EventStoreOptions } from '../event-store.options';

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

export interface EventStoreModuleAsyncOptions {
  imports?: DynamicModule['imports'];
  inject?: (string | symbol | Function)[];
  useFactory: (...args: never[]) => EventStoreOptions | Promise<EventStoreOptions>;
}

/** Provides the configured EventStore under the EVENT_STORE token, closed on shutdown. */
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreOptions): DynamicModule {
    return EventStoreModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: EventStoreModuleAsyncOptions): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: EVENT_STORE,
          inject: options.inject ?? [],
          useFactory: async (...args: never[]) => createEventStore(await options.useFactory(...args)),
        },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE],
    };
  }
}
