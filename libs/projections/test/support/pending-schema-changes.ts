import { DataSource } from 'typeorm';

/** The SQL TypeORM's schema builder would run to make the database match the entities (empty: they agree). */
export async function pendingSchemaChanges(db: DataSource): Promise<string[]> {
  const sql = await db.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
