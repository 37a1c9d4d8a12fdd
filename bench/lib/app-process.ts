import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';

/** An app of this repo (standalone, relay, query service) running in its own Node process. */
export interface AppProcess {
  name: string;
  baseUrl: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export type BenchApp = 'standalone' | 'relay' | 'query';

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `apps/<app>/src/main.ts` in a child process through @swc-node/register (so the load
 * generator does not share its event loop), with `env` on top of this process's, and waits for
 * its /health. Its stderr is passed through (LOG_LEVEL warn). `BENCH_<APP>_NODE_ARGS` adds node
 * flags for that app, e.g. BENCH_QUERY_NODE_ARGS="--cpu-prof".
 */
export async function startAppProcess(app: BenchApp, env: Record<string, string>, healthTimeoutMs = 60_000): Promise<AppProcess> {
  const port = await unusedPort();
  const extra = (process.env[`BENCH_${app.toUpperCase()}_NODE_ARGS`] ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=64', ...extra, '-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode} before it was healthy`);
    if (await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false)) return { name: app, baseUrl, pid: child.pid, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${app} did not become healthy in ${healthTimeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
