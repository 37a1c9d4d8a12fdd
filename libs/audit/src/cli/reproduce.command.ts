import { DecisionReproduction } from '../reproduce/decision-reproduction';
import { AuditCommand, EXIT, UsageError } from './audit-command';
import { parseOptions, stringOption } from './cli-options';
import { CLI_PRINCIPAL, reproducerFor } from './cli-services';

export const reproduceCommand: AuditCommand = {
  name: 'reproduce',
  summary: 're-run a request\'s evaluation from what it recorded: match, or every difference',
  usage: [
    'reproduce --request <id> [--json]',
    '  Re-runs the engine on exactly the recorded inputs (program, policy and conversion-table versions,',
    '  the learner\'s stream up to the revision read, the admission read) and compares with the recorded',
    '  evaluation, and each evidence change\'s re-evaluation (RequestEvidenceChanged) likewise; lists the',
    '  decisions next to the proposals. Exit 0: all identical; 1: something differs.',
  ].join('\n'),
  async run(args, ctx) {
    const values = parseOptions(args, { request: { type: 'string' }, json: { type: 'boolean' } });
    const requestId = stringOption(values, 'request');
    if (!requestId) throw new UsageError('--request <id> is required');
    const store = await ctx.openStore();
    try {
      const report = await new DecisionReproduction(reproducerFor(store)).reproduce(CLI_PRINCIPAL, requestId);
      if (values.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        const p = report.pinned;
        ctx.stdout.write(
          `request ${requestId}: ${report.identical ? 'REPRODUCED exactly' : `DIFFERS in ${report.differences.length} place(s)`}` +
            ` (engine recorded ${report.engineVersion.recorded}, now ${report.engineVersion.current})\n` +
            `  pinned: program ${p.program.programId}@${p.program.version}, policy ${p.policy.policyId}@${p.policy.version}, conversion ${p.conversionTable},` +
            ` ${p.learnerStream.stream}@${p.learnerStream.revision}, ${p.evidenceEvents} evidence events\n`,
        );
        for (const d of report.differences) ctx.stdout.write(`  ${d.path || '(whole)'}: recorded ${JSON.stringify(d.recorded)} reproduced ${JSON.stringify(d.reproduced)}\n`);
        for (const c of report.evidenceChanges) {
          ctx.stdout.write(`  evidence change ${c.causeEventType} ${c.causeEventId} (request revision ${c.revision}): re-evaluation ${c.identical ? 'REPRODUCED exactly' : `DIFFERS in ${c.differences.length} place(s)`}\n`);
        }
        for (const d of report.decisions) {
          const proposal = d.proposal ? `${d.proposal.decision} ${d.proposal.creditsGranted}` : 'none';
          ctx.stdout.write(`  ${d.itemId}: proposed ${proposal}, decided ${d.decided.outcome} ${d.decided.credits} [${d.decided.reasonCode}]${d.differsFromProposal ? ` overridden: ${d.overrideReason ?? ''}` : ''}\n`);
        }
      }
      return report.identical && report.evidenceChangesIdentical ? EXIT.ok : EXIT.fault;
    } finally {
      await store.close();
    }
  },
};
