import { existsSync, statSync } from 'node:fs';
import { formatDigest } from '../verify/log-digest';
import { fileLines } from '../export/file-lines';
import { importEvents } from '../export/import-events';
import { ImportRefusedError } from '../export/parse-export-line';
import { AuditCommand, EXIT, UsageError } from './audit-command';
import { parseOptions, stringOption } from './cli-options';

export const importCommand: AuditCommand = {
  name: 'import',
  summary: 'import an NDJSON export into an EMPTY store (SQLite, PostgreSQL), verifying it first',
  usage: [
    'import --in FILE',
    '  Restores the events exactly (ids, streams, revisions, positions, times, hashes) into the',
    '  configured store, which must be empty. The whole file is checked first (positions increasing,',
    '  every stream\'s hash chain): a tampered or out-of-order file is refused with its line number',
    '  and nothing is written. EventStoreDB cannot restore positions: import into SQLite or PostgreSQL.',
    '  Prints the imported log\'s digest (equal to the source\'s `verify` digest for a full export).',
  ].join('\n'),
  async run(args, ctx) {
    const values = parseOptions(args, { in: { type: 'string' } });
    const path = stringOption(values, 'in');
    if (!path) throw new UsageError('--in FILE is required');
    if (!existsSync(path)) throw new UsageError(`--in: no such file "${path}"`);
    const store = await ctx.openStore();
    const check = ctx.progress('checking ');
    const restore = ctx.progress('restoring');
    let restoring = false;
    try {
      check.start(statSync(path).size);
      const summary = await importEvents(store, fileLines(path), {
        onProgress: (phase, done, total) => {
          if (phase === 'check') return check.update(done);
          if (!restoring) {
            restoring = true;
            check.update(statSync(path).size);
            check.stop();
            restore.start(total ?? done);
          }
          restore.update(done);
        },
      });
      check.stop();
      restore.stop();
      ctx.stdout.write(`imported ${summary.events} events in ${summary.streams} streams into the ${store.name} store\ndigest ${formatDigest(summary.digest)}\n`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof ImportRefusedError)) throw error;
      check.stop();
      restore.stop();
      ctx.stderr.write(`import refused: ${error.message}\n`);
      return EXIT.fault;
    } finally {
      await store.close();
    }
  },
};
