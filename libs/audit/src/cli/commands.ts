import { AuditCommand } from './audit-command';
import { exportCommand } from './export.command';
import { historyCommand } from './history.command';
import { impactCommand } from './impact.command';
import { reproduceCommand } from './reproduce.command';
import { importCommand } from './import.command';
import { verifyCommand } from './verify.command';

/**
 * The commands of `npm run audit -- <command>`, in the order the help lists them.
 * Adding one is one line here.
 */
export const AUDIT_COMMANDS: AuditCommand[] = [
  verifyCommand,
  exportCommand,
  importCommand,
  historyCommand,
  reproduceCommand,
  impactCommand,
];
