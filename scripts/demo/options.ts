/** The demo's command line: `npm run demo -- [--url URL] [--token TOKEN] [--token-file PATH] [--tag TAG]`. */
import { dirname, join } from 'node:path';

export interface DemoOptions {
  baseUrl: string;
  /** From --token (ADMIN_TOKEN in the environment wins, see admin-token.ts). */
  token: string | null;
  tokenFile: string;
  tag: string | null;
  help: boolean;
}

export const USAGE = `Usage: npm run demo -- [--url URL] [--token TOKEN] [--token-file PATH] [--tag TAG]

Plays the MIT Supply Chain Management blended scenario against a running server (npm start).
  --url URL          the server (default: $DEMO_URL, else http://127.0.0.1:3000)
  --token TOKEN      the admin credential (ADMIN_TOKEN in the environment takes precedence)
  --token-file PATH  where a generated admin credential was written (default: $ADMIN_TOKEN_FILE,
                     else admin-token next to $SQLITE_PATH, else ./data/admin-token)
  --tag TAG          suffix of the ids this run creates (default: a new one per run)`;

const FLAGS = new Set(['--url', '--token', '--token-file', '--tag']);

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Default token file: the one `npm start` writes, in the directory of its SQLite file. */
export function defaultTokenFile(env: NodeJS.ProcessEnv): string {
  if (env.ADMIN_TOKEN_FILE) return env.ADMIN_TOKEN_FILE;
  return join(env.SQLITE_PATH ? dirname(env.SQLITE_PATH) : './data', 'admin-token');
}

export function parseDemoOptions(argv: readonly string[], env: NodeJS.ProcessEnv): DemoOptions {
  const values = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!FLAGS.has(flag)) throw new UsageError(`unknown argument ${arg}`);
    const value = inline ?? argv[(i += 1)];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const baseUrl = values.get('--url') ?? env.DEMO_URL ?? 'http://127.0.0.1:3000';
  try {
    new URL(baseUrl);
  } catch {
    throw new UsageError(`--url/DEMO_URL is not a URL: ${baseUrl}`);
  }
  const tag = values.get('--tag') ?? null;
  if (tag !== null && !/^[a-z0-9][a-z0-9-]{0,15}$/.test(tag)) throw new UsageError('--tag: 1-16 lower-case letters, digits or "-"');
  return { baseUrl, token: values.get('--token') ?? null, tokenFile: values.get('--token-file') ?? defaultTokenFile(env), tag, help };
}
