import { PostgresEventStore } from '@app/event-store';
import { dropSchema, openPostgresStore, uniqueSchema } from '../../event-store/test/postgres-test-db';
import { describeVerifyTampering } from './verify-tampering';

const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});
const pg = (store: unknown) => store as PostgresEventStore;
const sql = (store: unknown, text: string, params: unknown[]) => pg(store).connection.query(text.replace('$table', pg(store).table), params);

describeVerifyTampering('PostgreSQL', {
  open: async () => {
    const schema = uniqueSchema('audit_verify');
    schemas.push(schema);
    return openPostgresStore(schema);
  },
  setData: async (store, id, data) => void (await sql(store, 'UPDATE $table SET data = $1 WHERE id = $2', [JSON.stringify(data), id])),
  setPreviousHash: async (store, id, hash) => void (await sql(store, 'UPDATE $table SET previous_hash = $1 WHERE id = $2', [hash, id])),
  remove: async (store, ids) => void (await sql(store, 'DELETE FROM $table WHERE id = ANY($1::uuid[])', [ids])),
});
