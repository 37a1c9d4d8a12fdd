import { createReadModelDataSource, migrateReadModels, ReadModelOptions } from '../src';
import { itReadsRowsAsTypeOrmDoes } from './support/plain-reads.cases';

describe('plain-SQL row readers (SQLite)', () => {
  itReadsRowsAsTypeOrmDoes(async () => {
    const options: ReadModelOptions = { kind: 'sqlite', file: ':memory:' };
    const db = createReadModelDataSource(options);
    await migrateReadModels(db, options);
    return db;
  });
});
