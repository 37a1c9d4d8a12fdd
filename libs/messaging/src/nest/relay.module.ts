import { DynamicModule, Logger, Module } from '@nestjs/common';
import { kafkaConfigFromEnv } from '../config/kafka.config';
import { relayConfigFromEnv } from '../config/relay.config';
import { RELAY_CONFIG, RELAY_KAFKA_CONFIG, RELAY_ON_FATAL, RelayFatalHandler, RelayLifecycle } from './relay.lifecycle';

export interface RelayModuleOptions {
  /** What to do when the relay stops on an event it cannot route. Default: exit code 1, graceful shutdown (SIGTERM to itself). */
  onFatal?: RelayFatalHandler;
}

const exitOnFatal: RelayFatalHandler = (error) => {
  new Logger('Relay').fatal(`relay stopped: ${error.message}`);
  process.exitCode = 1;
  process.kill(process.pid, 'SIGTERM');
};

/**
 * The relay worker (distributed mode): event store subscription -> Kafka, checkpoint in the
 * event store's PostgreSQL database. Needs EVENT_STORE (import the event store module first);
 * reads KAFKA_* and RELAY_* from the environment when `forRoot` is called (a ConfigValidationError
 * then names every bad variable).
 */
@Module({})
export class RelayModule {
  static forRoot(options: RelayModuleOptions = {}): DynamicModule {
    // Read when the root module is declared (list it after PlatformModule.forRoot, which loads
    // .env): a bad variable stops the process before any connection is opened.
    const kafka = kafkaConfigFromEnv('relay');
    const relay = relayConfigFromEnv();
    return {
      module: RelayModule,
      providers: [
        { provide: RELAY_KAFKA_CONFIG, useValue: kafka },
        { provide: RELAY_CONFIG, useValue: relay },
        { provide: RELAY_ON_FATAL, useValue: options.onFatal ?? exitOnFatal },
        RelayLifecycle,
      ],
      exports: [RelayLifecycle],
    };
  }
}
