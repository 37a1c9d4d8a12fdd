import { relayHealth } from '../src/nest/relay.health';
import { RelayStatus } from '../src/relay/event-relay';

const relayWith = (status: Partial<RelayStatus>) => ({ status: { running: true, checkpoint: 40, failures: 0, published: 41, fatal: null, ...status } });
const storeAt = (head: number) => ({ headPosition: async () => head });

describe("/health's relay", () => {
  it('is up while running, with how far Kafka is behind the store', async () => {
    expect(await relayHealth(relayWith({}), storeAt(45))).toEqual({ up: true, details: { checkpoint: 40, head: 45, behind: 5, failures: 0, published: 41 } });
  });

  it('is down before it started, after a fatal stop, when stopped, and after 5 failed publishes in a row, saying why', async () => {
    expect(await relayHealth(null, storeAt(45))).toEqual({ up: false, details: { message: 'the relay has not started' } });
    expect(await relayHealth(relayWith({ running: false, fatal: 'event 7 has no learner id' }), storeAt(45))).toMatchObject({ up: false, details: { message: 'stopped: event 7 has no learner id' } });
    expect(await relayHealth(relayWith({ running: false }), storeAt(45))).toMatchObject({ up: false, details: { message: 'the relay is not running' } });
    expect(await relayHealth(relayWith({ failures: 5 }), storeAt(45))).toMatchObject({ up: false, details: { failures: 5, message: '5 publishes failed in a row (retrying; see the log)' } });
  });
});
