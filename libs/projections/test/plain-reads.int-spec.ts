import { Client } from 'pg';
import { createReadModelDataSource, migrateReadModels, ReadModelOptions } from '../src';
import { itReadsRowsAsTypeOrmDoes } from './support/plain-reads.cases';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describe('plain-SQL row readers (PostgreSQL)', () => {
  const schema = `plain_reads_${process.pid}_${Date.now().toString(36)}`;
  let n = 0;
  afterAll(async () => {
    const client = new Client({ connectionString: URL });
    await client.connect();
    for (let i = 1; i <= n; i++) await client.query(`DROP SCHEMA IF EXISTS "${schema}_${i}" CASCADE`);
    await client.end();
  });

  itReadsRowsAsTypeOrmDoes(async () => {
    const options: ReadModelOptions = { kind: 'postgres', url: URL, schema: `${schema}_${(n += 1)}` };
    const db = createReadModelDataSource(options);
    await migrateReadModels(db, options);
    return db;
  });
});
