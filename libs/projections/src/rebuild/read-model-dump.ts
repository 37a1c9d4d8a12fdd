import { DataSource } from 'typeorm';
import { PROJECTED_ENTITIES } from '../read-model/entities';

/**
 * Every projected row (checkpoint and inbox excluded), table by table in primary-key order, one
 * JSON line per row: what "the same read models" means when a rebuild is compared with the
 * incremental projection, or one run with another.
 */
export async function dumpReadModels(db: DataSource): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const entity of PROJECTED_ENTITIES) {
    const metadata = db.getMetadata(entity);
    const order = Object.fromEntries(metadata.primaryColumns.map((c) => [c.propertyName, 'ASC' as const]));
    const rows = await db.manager.find(entity, { order });
    dump[metadata.tableName] = rows.map((row) => JSON.stringify(row));
  }
  return dump;
}
