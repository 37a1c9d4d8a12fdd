import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryReactorState } from '../src/evidence-changes/state/reactor-state.port';
import { SqliteReactorState } from '../src/evidence-changes/state/sqlite-reactor-state';
import { itBehavesAsAReactorStateStore } from './reactor-state.contract';

describe('reactor state store contract: SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reactor-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  itBehavesAsAReactorStateStore(async (name) => new SqliteReactorState(join(dir, `${name}-${process.pid}.sqlite`)), { durable: true });
});

describe('reactor state store contract: in memory', () => {
  itBehavesAsAReactorStateStore(async () => new InMemoryReactorState(), { durable: false });
});
