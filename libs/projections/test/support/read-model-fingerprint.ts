import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dumpReadModels } from '@app/projections';

/** Per projected table: row count and a sha256 over its dump (rows in primary-key order). Cheap to compare and to print. */
export type Fingerprint = Record<string, { rows: number; sha256: string }>;

export async function fingerprintReadModels(db: DataSource): Promise<Fingerprint> {
  const dump = await dumpReadModels(db);
  return Object.fromEntries(
    Object.entries(dump).map(([table, rows]) => [table, { rows: rows.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') }]),
  );
}
