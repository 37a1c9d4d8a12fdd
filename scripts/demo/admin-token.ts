/**
 * Where the demo finds the admin credential: ADMIN_TOKEN in the environment, else --token, else
 * the file `npm start` writes when it generates the first admin credential (<data dir>/admin-token).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface AdminToken {
  token: string;
  /** Where it came from, for the demo's header (never the token itself). */
  from: string;
}

export class MissingAdminTokenError extends Error {
  override readonly name = 'MissingAdminTokenError';
}

export function findAdminToken(env: NodeJS.ProcessEnv, flagToken: string | null, tokenFile: string): AdminToken {
  const fromEnv = env.ADMIN_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, from: 'ADMIN_TOKEN' };
  if (flagToken?.trim()) return { token: flagToken.trim(), from: '--token' };
  const path = resolve(tokenFile);
  const fromFile = existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
  if (fromFile) return { token: fromFile, from: path };
  throw new MissingAdminTokenError(
    [
      'no admin credential found. Looked at, in order:',
      '  1. the ADMIN_TOKEN environment variable: not set',
      '  2. --token: not given',
      `  3. the file ${path}: ${existsSync(path) ? 'empty' : 'does not exist'}`,
      'Start the server with `npm start` on a fresh data directory (it writes the generated credential to',
      '<data dir>/admin-token), or pass the credential it printed: ADMIN_TOKEN=ct_... npm run demo,',
      'or point --token-file at the admin-token file of the server’s data directory.',
    ].join('\n'),
  );
}
