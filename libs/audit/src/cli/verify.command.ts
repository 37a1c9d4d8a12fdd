import { formatDigest, parseDigest } from '../verify/log-digest';
import { verifyLog } from '../verify/verify-log';
import { VerifyReport } from '../verify/verify-report';
import { AuditCommand, EXIT, UsageError } from './audit-command';
import { parseOptions, stringOption } from './cli-options';

export const verifyCommand: AuditCommand = {
  name: 'verify',
  summary: 'verify every stream\'s hash chain and compute the global digest',
  usage: [
    'verify [--expect-digest <hex>@<position>] [--json]',
    '  Reads the whole log in global order and checks every event against its stream\'s hash chain.',
    '  Prints the first broken link, counts, and "digest <hex>@<position>": record that line somewhere',
    '  the operators cannot rewrite; a later `verify --expect-digest <hex>@<position>` recomputes the',
    '  digest at that position and fails if any event up to it was changed, removed or added',
    '  (a cut stream tail or a deleted stream, which no per-stream chain can show).',
    '  Exit 0: intact; 1: a fault or a digest mismatch.',
  ].join('\n'),
  async run(args, ctx) {
    const values = parseOptions(args, { 'expect-digest': { type: 'string' }, json: { type: 'boolean' } });
    const expectText = stringOption(values, 'expect-digest');
    const expectDigest = expectText === undefined ? undefined : parseDigest(expectText);
    if (expectDigest === null) throw new UsageError(`--expect-digest must be <64 hex>@<position> (as verify prints it), got "${expectText}"`);
    const store = await ctx.openStore();
    const bar = ctx.progress('verifying');
    try {
      bar.start(await store.headPosition()); // by position (positions start at 1; gaps are possible)
      const report = await verifyLog(store, { expectDigest, onProgress: (p) => bar.update(p.position) });
      bar.stop();
      ctx.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report));
      return report.ok ? EXIT.ok : EXIT.fault;
    } finally {
      bar.stop();
      await store.close();
    }
  },
};

export function describeReport(r: VerifyReport): string {
  const lines = [
    `${r.ok ? 'OK' : 'INTEGRITY FAULT'}: ${r.store} store, ${r.checked} events in ${r.streams} streams checked in ${r.seconds.toFixed(2)} s`,
    `digest ${formatDigest(r.digest)}`,
  ];
  if (r.firstFault) {
    const f = r.firstFault;
    lines.push(
      `first fault (${r.faults} in all): ${f.kind} in stream "${f.stream}" at revision ${f.revision}, position ${f.position}, event ${f.eventId}`,
      `  ${f.detail}`,
    );
  }
  if (r.expectedDigest) {
    const e = r.expectedDigest;
    lines.push(
      e.matches
        ? `expected digest at position ${e.position}: matches`
        : `expected digest ${e.digest}@${e.position} DOES NOT MATCH: the log up to position ${e.position} now digests to ${formatDigest(e.actual)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
