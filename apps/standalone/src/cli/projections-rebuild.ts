import 'reflect-metadata';
import { rebuildCli } from '@app/projections';

rebuildCli().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
