import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresReactorState } from '../src/evidence-changes/state/postgres-reactor-state';
import { itBehavesAsAReactorStateStore } from './reactor-state.contract';

const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('reactor state store contract: PostgreSQL', () => {
  const run = randomUUID().replace(/-/g, '').slice(0, 10);
  const schemas = new Set<string>();
  afterAll(async () => {
    const pool = new Pool({ connectionString: POSTGRES_URL, max: 1 });
    try {
      for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await pool.end();
    }
  });
  itBehavesAsAReactorStateStore(
    async (name) => {
      const schema = `reactor_${name}_${run}`;
      schemas.add(schema);
      return PostgresReactorState.connect({ connectionString: POSTGRES_URL, schema });
    },
    { durable: true },
  );

  it('refuses a schema that is not a lowercase SQL identifier', async () => {
    await expect(PostgresReactorState.connect({ connectionString: POSTGRES_URL, schema: 'Bad-Schema' })).rejects.toThrow(/lowercase SQL identifier/);
  });
});
