import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppProcess } from './app-process';

export interface RunningServer {
  baseUrl: string;
  adminToken: string;
  /** CPU time (user + system) the server process has used so far, in seconds; NaN where /proc is absent. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ, 100 on every common build). */
const USER_HZ = 100;

/** utime + stime of a process from /proc (Linux), in seconds. */
function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ; // fields 14 and 15 of stat(5)
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts the standalone app in its own process (so the load generator does not share its event
 * loop) on a fresh SQLite file, and waits for /health. BENCH_STANDALONE_NODE_ARGS adds node
 * flags, e.g. "--cpu-prof" to profile it.
 */
export async function startStandaloneServer(adminToken: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const app = await startAppProcess('standalone', {
    SQLITE_PATH: join(dir, 'events.sqlite'),
    ADMIN_TOKEN: adminToken,
    EVENT_STORE: 'sqlite',
    SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS ?? 'FULL',
    ...env,
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    baseUrl: app.baseUrl,
    adminToken,
    cpuSeconds: () => processCpuSeconds(app.pid),
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A JSON call against the running server that fails loudly on an unexpected status. */
export async function call<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
