import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '../src';

/** The PostgreSQL the integration suite uses; `.ci/run` makes sure it is up. */
export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name unique to this test run, so parallel or repeated runs never share tables. */
export function uniqueSchema(label: string): string {
  return `${label}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

export async function openPostgresStore(schema: string, poolSize?: number): Promise<PostgresEventStore> {
  return PostgresEventStore.connect({ connectionString: POSTGRES_URL, schema, poolSize });
}

export async function dropSchema(schema: string): Promise<void> {
  const pool = new Pool({ connectionString: POSTGRES_URL, max: 1 });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pool.end();
  }
}
