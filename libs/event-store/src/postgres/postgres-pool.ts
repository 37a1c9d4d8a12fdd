import { Pool, PoolConfig } from 'pg';

/**
 * A pg Pool that survives its idle connections being closed by the server (a PostgreSQL restart,
 * `pg_terminate_backend`, `DROP DATABASE ... WITH (FORCE)`, an idle timeout of a proxy). pg emits
 * such errors on the pool, and an EventEmitter 'error' with no listener throws: it would end the
 * whole process. The pool has already discarded the broken client by then, so the next checkout
 * opens a fresh connection; `onIdleError` may report it (default: nothing to do).
 * A connection lost while checked out fails the query in flight (the caller sees that error),
 * and the client may also emit 'error' between two queries: every client gets a listener for
 * that too, and the pool drops it when released (it is no longer queryable).
 */
export function createResilientPool(config: PoolConfig, onIdleError: (error: Error) => void = () => undefined): Pool {
  const pool = new Pool(config);
  pool.on('error', onIdleError);
  pool.on('connect', (client) => client.on('error', onIdleError));
  return pool;
}
