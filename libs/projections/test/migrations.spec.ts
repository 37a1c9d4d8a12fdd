import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { itChecksTheMigrations } from './support/migration-checks';

describe('read-model migrations (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-model-migrations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  itChecksTheMigrations((name) => ({ kind: 'sqlite', file: join(dir, `${name}.sqlite`) }), `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
});
