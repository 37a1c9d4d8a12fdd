import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { ExportFilter } from '../export/export-filter';
import { writeExport } from '../export/write-export';
import { AuditCommand, EXIT } from './audit-command';
import { instantOption, integerOption, ParsedOptions, parseOptions, stringOption } from './cli-options';

export const exportCommand: AuditCommand = {
  name: 'export',
  summary: 'export events as NDJSON (one recorded event per line), filtered',
  usage: [
    'export [--stream S] [--category C] [--type T ...] [--from-position N] [--to-position N]',
    '       [--since ISO] [--until ISO] [--out FILE]',
    '  One RecordedEvent JSON per line, global order, the full envelope (position, recordedAt, hashes).',
    '  --category C: streams named C-…; --type repeats (any of); positions inclusive;',
    '  --since inclusive, --until exclusive (recordedAt). To stdout unless --out.',
    '  Only a complete export (no filter, or whole streams: --stream/--category) can be imported.',
  ].join('\n'),
  async run(args, ctx) {
    const values = parseOptions(args, {
      stream: { type: 'string' },
      category: { type: 'string' },
      type: { type: 'string', multiple: true },
      'from-position': { type: 'string' },
      'to-position': { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      out: { type: 'string' },
    });
    const filter = filterFrom(values);
    const outPath = stringOption(values, 'out');
    const store = await ctx.openStore();
    const out = outPath ? createWriteStream(outPath) : ctx.stdout;
    const bar = outPath ? ctx.progress('exporting') : null;
    try {
      const head = await store.headPosition();
      bar?.start(Math.min(head, filter.toPosition ?? head));
      const summary = await writeExport(store, filter, out, (_written, position) => bar?.update(position));
      bar?.stop();
      if (outPath) {
        out.end();
        await finished(out);
        ctx.stderr.write(`exported ${summary.events} events (${summary.bytes} bytes, up to position ${summary.lastPosition}) to ${outPath}\n`);
      }
      return EXIT.ok;
    } finally {
      bar?.stop();
      await store.close();
    }
  },
};

export function filterFrom(values: ParsedOptions): ExportFilter {
  const types = values.type;
  return {
    stream: stringOption(values, 'stream'),
    category: stringOption(values, 'category'),
    types: Array.isArray(types) ? types : undefined,
    fromPosition: integerOption(values, 'from-position'),
    toPosition: integerOption(values, 'to-position'),
    since: instantOption(values, 'since'),
    until: instantOption(values, 'until'),
  };
}
