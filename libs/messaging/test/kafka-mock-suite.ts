import { KafkaMock, startKafkaMock } from '../../../test/support/kafka-mock';

export interface KafkaMockSuite {
  /** The mock cluster's bootstrap servers (available once the suite's beforeAll ran). */
  readonly brokers: string[];
  /** Closed in reverse order after the suite, before the mock stops (errors ignored). */
  readonly closers: Array<() => Promise<unknown>>;
}

/** A librdkafka mock cluster (kcat) for the enclosing describe: started before its tests, stopped after them. */
export function useKafkaMock(): KafkaMockSuite {
  let mock: KafkaMock | undefined;
  const closers: Array<() => Promise<unknown>> = [];
  beforeAll(async () => {
    mock = await startKafkaMock();
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await mock?.stop();
  });
  return {
    get brokers(): string[] {
      if (!mock) throw new Error('the Kafka mock is not started (use it inside a test)');
      return mock.brokers;
    },
    closers,
  };
}
