import { EventStoreDbEventStore } from '../src';
import { describeEventStoreContract } from './event-store.contract';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('eventstoredb', {
    // EventStoreDB deduplicates ids within a stream only; its log cannot be edited behind its back.
    uniqueIdsAcrossStreams: false,
    restores: false,
    open: () => EventStoreDbEventStore.connect(connectionString),
  });
} else {
  const message =
    'EventStoreDB contract suite DID NOT RUN: set EVENTSTORE_CONNECTION_STRING ' +
    '(e.g. esdb://localhost:2113?tls=false with `docker compose up eventstoredb`) to run it.';
  // eslint-disable-next-line no-console
  console.warn(message);
  describe('EventStore contract: eventstoredb', () => {
    it.skip(message, () => undefined);
  });
}
