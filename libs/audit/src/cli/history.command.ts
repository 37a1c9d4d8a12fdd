import { HistoryQuery } from '../history/history.query';
import { HistorySubjectKind } from '../history/history.types';
import { AuditCommand, EXIT, UsageError } from './audit-command';
import { instantOption, integerOption, parseOptions, stringOption } from './cli-options';
import { CLI_PRINCIPAL, openReadModels } from './cli-services';

const KINDS: HistorySubjectKind[] = ['learner', 'request', 'institution'];

export const historyCommand: AuditCommand = {
  name: 'history',
  summary: 'the history of a learner, a request or an institution',
  usage: [
    'history --learner <id> | --request <id> | --institution <id> [--type T ...] [--after <position>] [--limit N]',
    '        [--recorded-from ISO] [--recorded-to ISO] [--occurred-from ISO] [--occurred-to ISO] [--json]',
    '  Every event that concerns the subject, in global order: position, recorded-at (when the system',
    '  learned it), occurred-at (when it happened), who (institution/role), type and stream; --json adds',
    '  the events\' data. Pages of --limit (default 100); the last line says how to get the next page.',
  ].join('\n'),
  async run(args, ctx) {
    const values = parseOptions(args, {
      learner: { type: 'string' }, request: { type: 'string' }, institution: { type: 'string' }, type: { type: 'string', multiple: true },
      after: { type: 'string' }, limit: { type: 'string' }, 'recorded-from': { type: 'string' }, 'recorded-to': { type: 'string' },
      'occurred-from': { type: 'string' }, 'occurred-to': { type: 'string' }, json: { type: 'boolean' },
    });
    const subjects = KINDS.filter((k) => stringOption(values, k) !== undefined);
    if (subjects.length !== 1) throw new UsageError('name exactly one subject: --learner, --request or --institution');
    const kind = subjects[0];
    const id = stringOption(values, kind) as string;
    const limit = integerOption(values, 'limit') ?? 100;
    if (limit < 1 || limit > 10_000) throw new UsageError('--limit must be between 1 and 10000');
    const types = values.type as string[] | undefined;
    const store = await ctx.openStore();
    try {
      const db = await openReadModels(store, ctx);
      try {
        const page = await new HistoryQuery(db, store).page(CLI_PRINCIPAL, kind, id, {
          types, limit, after: integerOption(values, 'after'),
          recordedFrom: instantOption(values, 'recorded-from'), recordedTo: instantOption(values, 'recorded-to'),
          occurredFrom: instantOption(values, 'occurred-from'), occurredTo: instantOption(values, 'occurred-to'),
        });
        if (values.json) ctx.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        else {
          ctx.stdout.write(`history of ${kind} ${id}: ${page.entries.length} event(s), index up to position ${page.upToPosition}\n`);
          for (const e of page.entries) {
            const who = e.actor ? `${e.actor.institutionId}/${e.actor.role}` : 'system';
            ctx.stdout.write(`${String(e.position).padStart(8)}  recorded ${e.recordedAt}  occurred ${e.occurredAt}  ${who.padEnd(24)} ${e.type}  (${e.stream}@${e.revision})\n`);
          }
          if (page.nextAfter !== null) ctx.stdout.write(`more: add --after ${page.nextAfter}\n`);
        }
        return EXIT.ok;
      } finally {
        await db.destroy();
      }
    } finally {
      await store.close();
    }
  },
};
