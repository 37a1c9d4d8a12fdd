import { createReadModelDataSource, migrateReadModels, READ_MODEL_ENTITIES, ReadModelOptions } from '@app/projections';
import { pendingSchemaChanges } from './pending-schema-changes';

/**
 * The read-model migration test, for one kind of database: after `migrateReadModels`, TypeORM's
 * schema builder has nothing to change for the entities (the migration and the entities agree),
 * and the check is live (without the migrations it would create every table).
 * `place(name)`: a fresh, empty place (file or schema) named `name`.
 */
export function itChecksTheMigrations(place: (name: string) => ReadModelOptions, listTables: string): void {
  const tableNames = (db: ReturnType<typeof createReadModelDataSource>) => READ_MODEL_ENTITIES.map((e) => db.getMetadata(e).tableName).sort();

  it('the check is live: on a database without the migrations the schema builder would create every table', async () => {
    const db = createReadModelDataSource(place('empty'));
    try {
      await db.initialize();
      const pending = await pendingSchemaChanges(db);
      const created = pending.map((sql) => /^CREATE TABLE (?:"[^"]+"\.)?"([^"]+)"/.exec(sql)?.[1]).filter((name): name is string => name !== undefined);
      expect(created.sort()).toEqual(tableNames(db));
    } finally {
      await db.destroy();
    }
  });

  it('after migrateReadModels the schema builder finds nothing to change for the entities', async () => {
    const options = place('migrated');
    const db = createReadModelDataSource(options);
    try {
      await migrateReadModels(db, options);
      const tables = ((await db.query(listTables)) as { name: string }[]).map((t) => t.name).filter((name) => name !== 'migrations');
      expect(tables.sort()).toEqual(tableNames(db));
      expect(await pendingSchemaChanges(db)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
}
