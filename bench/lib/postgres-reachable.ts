import { Pool } from 'pg';

/** Does PostgreSQL answer at `url` (within 2 s)? Benches measure PostgreSQL only when it does, and say so when not. */
export async function postgresReachable(url: string): Promise<boolean> {
  const pool = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000 });
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await pool.end();
  }
}
