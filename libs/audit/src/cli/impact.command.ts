import { readFileSync } from 'node:fs';
import { PolicyImpact } from '../impact/policy-impact';
import { AuditCommand, EXIT, UsageError } from './audit-command';
import { parseOptions, stringOption } from './cli-options';
import { CLI_PRINCIPAL, openReadModels, reproducerFor } from './cli-services';

export const impactCommand: AuditCommand = {
  name: 'impact',
  summary: 'which requests a proposed (unpublished) policy version would change',
  usage: [
    'impact --policy <file.json> [--json]',
    '  Replays every request to the policy\'s institution on its recorded inputs with the proposed policy',
    '  (as if in effect on each request\'s date) and reports which outcomes change, item by item.',
    '  Nothing is written.',
  ].join('\n'),
  async run(args, ctx) {
    const values = parseOptions(args, { policy: { type: 'string' }, json: { type: 'boolean' } });
    const file = stringOption(values, 'policy');
    if (!file) throw new UsageError('--policy <file.json> is required');
    let definition: unknown;
    try {
      definition = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`--policy ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const store = await ctx.openStore();
    try {
      const db = await openReadModels(store, ctx);
      const bar = ctx.progress('replaying requests');
      try {
        let started = false;
        const report = await new PolicyImpact(db, reproducerFor(store)).analyse(CLI_PRINCIPAL, definition, (done, total) => {
          if (!started) bar.start(total);
          started = true;
          bar.update(done);
        });
        bar.stop();
        if (values.json) ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else {
          ctx.stdout.write(`policy ${report.policy.policyId}@${report.policy.version} (${report.policy.institutionId}): ${report.requestsConsidered} request(s), ${report.changed} would change, ${report.unchanged} unchanged, ${report.skipped.length} skipped\n`);
          for (const r of report.requests.filter((x) => x.changed)) {
            ctx.stdout.write(`  ${r.requestId} (learner ${r.learnerId}, ${r.programId}): granted ${r.totals.before} -> ${r.totals.after}, result ${r.result.before} -> ${r.result.after}, residency ${r.residency.before} -> ${r.residency.after}\n`);
            for (const i of r.items) ctx.stdout.write(`    ${i.itemId}: ${i.before.decision} ${i.before.creditsGranted} -> ${i.after.decision} ${i.after.creditsGranted}\n`);
          }
          for (const s of report.skipped) ctx.stdout.write(`  skipped ${s.requestId}: ${s.reason}\n`);
        }
        return EXIT.ok;
      } finally {
        bar.stop();
        await db.destroy();
      }
    } finally {
      await store.close();
    }
  },
};
