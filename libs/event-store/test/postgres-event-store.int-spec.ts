import { PostgresEventStore } from '../src';
import { describeEventStoreContract } from './event-store.contract';
import { dropSchema, openPostgresStore, uniqueSchema } from './postgres-test-db';

const schema = uniqueSchema('es_contract');
afterAll(() => dropSchema(schema));

describeEventStoreContract('postgres', {
  uniqueIdsAcrossStreams: true,
  restores: true,
  open: () => openPostgresStore(schema),
  tamper: async (store, eventId, data) => {
    const pg = store as PostgresEventStore;
    await pg.connection.query(`UPDATE "${pg.schemaName}".events SET data = $1 WHERE id = $2`, [JSON.stringify(data), eventId]);
  },
});
