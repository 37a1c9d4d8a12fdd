import 'reflect-metadata';
import { AUDIT_COMMANDS, processCliContext, runAuditCli } from '@app/audit';

/** `npm run audit -- <command> [options]`: the auditor's command line (verify, export, import, …). */
runAuditCli(process.argv.slice(2), AUDIT_COMMANDS, processCliContext()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`audit failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
