import { AuditCommand } from './audit-command';
import { exportCommand } from './export.command';
import { importCommand } from './import.command';
import { verifyCommand } from './verify.command';

/**
 * The commands of `npm run audit -- <command>`, in the order the help lists them.
 * Adding one is one line here (history, reproduce, impact register themselves the same way).
 */
export const AUDIT_COMMANDS: AuditCommand[] = [
  verifyCommand,
  exportCommand,
  importCommand,
];
