/**
 * `npm run demo`: the MIT Supply Chain Management blended scenario, against a running server
 * (`npm start`), through the public HTTP API only. See README.md, "The demo".
 */
import { findAdminToken, MissingAdminTokenError } from './demo/admin-token';
import { describeFailure } from './demo/failure';
import { parseDemoOptions, USAGE, UsageError } from './demo/options';
import { consoleReporter } from './demo/report';
import { runScmDemo } from './demo/scm-scenario';
import { newRunTag } from './demo/scm-fixtures';

async function main(): Promise<number> {
  const options = parseDemoOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const admin = findAdminToken(process.env, options.token, options.tokenFile);
  const tag = options.tag ?? newRunTag();
  process.stdout.write(
    'Credit transfer demo: MIT Supply Chain Management, blended route (MicroMasters + one semester on campus)\n' +
      `  server ${options.baseUrl}, admin credential from ${admin.from}, run tag "${tag}"\n`,
  );
  const started = Date.now();
  const outcome = await runScmDemo({ baseUrl: options.baseUrl, adminToken: admin.token, tag, report: consoleReporter() });
  const [first, second] = [outcome.complete.eligibility.residency, outcome.oneCourseShort.eligibility.residency];
  process.stdout.write(
    `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: learner 1 ${first.outcome} residency (${first.months ?? '?'} months), ` +
      `learner 2 ${second.outcome} residency (${second.months ?? second.standard?.months ?? '?'} months).\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`demo: ${error.message}\n\n${USAGE}\n`);
    else if (error instanceof MissingAdminTokenError) process.stderr.write(`demo: ${error.message}\n`);
    else process.stderr.write(`\n${describeFailure(error)}\n`);
    process.exit(1);
  },
);
