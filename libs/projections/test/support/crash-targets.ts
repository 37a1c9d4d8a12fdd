import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ReadModelOptions } from '@app/projections';

/** Where the crash test keeps the killed projector's read models and each clean reference projection. */
export interface CrashTarget {
  name: string;
  live: ReadModelOptions;
  /** A fresh, empty place for the n-th reference projection. */
  fresh(n: number): ReadModelOptions;
  drop(options: ReadModelOptions): Promise<void>;
}

export function sqliteTarget(dir: string): CrashTarget {
  return {
    name: 'SQLite',
    live: { kind: 'sqlite', file: join(dir, 'live.sqlite') },
    fresh: (n) => ({ kind: 'sqlite', file: join(dir, `reference-${n}.sqlite`) }),
    drop: async (options) => {
      if (options.kind === 'sqlite') for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.file}${suffix}`, { force: true });
    },
  };
}

/** Fresh schemas `<prefix>_live`, `<prefix>_ref_<n>` in the database at `url`. */
export function postgresTarget(url: string, prefix: string): CrashTarget {
  return {
    name: 'PostgreSQL',
    live: { kind: 'postgres', url, schema: `${prefix}_live` },
    fresh: (n) => ({ kind: 'postgres', url, schema: `${prefix}_ref_${n}` }),
    drop: async (options) => {
      if (options.kind !== 'postgres') return;
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${options.schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
