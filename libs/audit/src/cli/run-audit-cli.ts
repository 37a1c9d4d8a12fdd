import { ConfigValidationError } from '@app/platform';
import { AuditCommand, CliContext, EXIT, UsageError } from './audit-command';

function help(commands: AuditCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: npm run audit -- <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '`npm run audit -- help <command>` for a command\'s options. The event store comes from the',
    'environment, as for the app (EVENT_STORE, SQLITE_PATH, DATABASE_URL, …).',
    'exit codes: 0 ok, 1 integrity fault or refused import, 2 usage error',
    '',
  ].join('\n');
}

/** Routes argv to a registered command; returns the process exit code. */
export async function runAuditCli(argv: string[], commands: AuditCommand[], ctx: CliContext): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = commands.find((c) => c.name === args[0]);
    if (name !== undefined && args[0] !== undefined && !topic) {
      ctx.stderr.write(`unknown command "${args[0]}"\n\n${help(commands)}`);
      return EXIT.usage;
    }
    (name === undefined ? ctx.stderr : ctx.stdout).write(topic ? `usage: npm run audit -- ${topic.usage}\n` : help(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    ctx.stderr.write(`unknown command "${name}"\n\n${help(commands)}`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.stderr.write(`${name}: ${error.message}\n\nusage: npm run audit -- ${command.usage}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigValidationError) {
      ctx.stderr.write(`configuration: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
