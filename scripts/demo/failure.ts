/** How a failed step is reported: what was sent, the status, the server's message (raw JSON only here). */
import { ApiError } from './http-client';

/** Headers every call sends: not worth repeating in a report. */
const ROUTINE_HEADERS = new Set(['accept', 'content-type']);

const indent = (text: string, by = '    '): string => text.split('\n').map((line) => by + line).join('\n');

export function describeFailure(error: unknown): string {
  if (error instanceof ApiError) {
    const { sent } = error;
    const lines = [
      `✗ step failed: ${sent.method} ${sent.url}`,
      `  as:       ${sent.as}`,
      ...Object.entries(sent.headers)
        .filter(([name]) => !ROUTINE_HEADERS.has(name))
        .map(([name, value]) => `  ${`${name}:`.padEnd(9)} ${value}`),
    ];
    if (sent.body !== undefined) lines.push('  sent:', indent(JSON.stringify(sent.body, null, 2)));
    lines.push(`  status:   ${error.status === null ? `no answer (is the server running? start it with npm start)` : error.status}`);
    lines.push(`  message:  ${error.serverMessage}`);
    if (error.status === 401 && sent.as === 'platform admin') lines.push('  hint:     the admin credential was refused: is it the one this server generated (<data dir>/admin-token)?');
    if (error.responseBody !== null && error.responseBody !== undefined) lines.push('  answer:', indent(JSON.stringify(error.responseBody, null, 2)));
    return lines.join('\n');
  }
  return `✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
