import { Client } from 'pg';
import { itChecksTheMigrations } from './support/migration-checks';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('read-model migrations (PostgreSQL, fresh schemas)', () => {
  const prefix = `migrations_${process.pid}_${Date.now().toString(36)}`;
  afterAll(async () => {
    const client = new Client({ connectionString: URL });
    await client.connect();
    for (const name of ['empty', 'migrated']) await client.query(`DROP SCHEMA IF EXISTS "${prefix}_${name}" CASCADE`);
    await client.end();
  });

  itChecksTheMigrations(
    (name) => ({ kind: 'postgres', url: URL, schema: `${prefix}_${name}` }),
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
  );
});
