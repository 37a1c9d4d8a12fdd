/**
 * `npm run bench:api`: command throughput and latency over HTTP (autocannon) on the embedded
 * store, next to GET /health measured the same way in the same run. The server runs in its own
 * process; autocannon runs here.
 */
import autocannon from 'autocannon';
import { newCredentialToken } from '@app/platform';
import { printTable, Row } from './lib/report';
import { startStandaloneServer } from './lib/server-process';
import { ApiFixture, completionBody, provisionFixture } from './api/scenarios';

const DURATION = Number(process.env.BENCH_DURATION ?? '10');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? '8');

type Scenario = { name: string; setup: (fixture: ApiFixture) => autocannon.Request[] };

function load(url: string, requests: autocannon.Request[], duration: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, requests });
}

/** One measured scenario: autocannon's result and the server's CPU seconds spent meanwhile. */
interface Measured {
  result: autocannon.Result;
  serverCpuSeconds: number;
}

function rowOf(name: string, { result, serverCpuSeconds }: Measured, baseline?: autocannon.Result): Row {
  return {
    scenario: name,
    'req/s': result.requests.average,
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'non-2xx': result.non2xx,
    errors: result.errors + result.timeouts,
    'ratio to /health': baseline ? Number((result.requests.average / baseline.requests.average).toFixed(2)) : 1,
    // Server CPU per request: unlike req/s, barely moved by other load on a shared machine.
    'server CPU us/req': (serverCpuSeconds * 1e6) / Math.max(1, result.requests.total),
  };
}

async function main(): Promise<void> {
  const server = await startStandaloneServer(newCredentialToken().token);
  try {
    const fixture = await provisionFixture(server.baseUrl, server.adminToken, 200, 50);
    const health: Scenario = { name: 'GET /health (baseline)', setup: () => [{ method: 'GET', path: '/health' }] };
    let n = 0;
    const completions: Scenario = {
      name: 'POST completion (command)',
      setup: (f) => [{
        method: 'POST',
        path: '/learners',
        headers: { authorization: `Bearer ${f.issuerToken}`, 'content-type': 'application/json' },
        setupRequest: (req) => {
          n += 1;
          return { ...req, path: `/learners/${f.learnerIds[n % f.learnerIds.length]}/completions`, body: completionBody(f, n) };
        },
      }],
    };
    let m = 0;
    const submissions: Scenario = {
      name: 'POST transfer request (submit + evaluate)',
      setup: (f) => [{
        method: 'POST',
        path: '/transfer-requests',
        headers: { authorization: `Bearer ${f.submitterToken}`, 'content-type': 'application/json' },
        setupRequest: (req) => {
          m += 1;
          return { ...req, body: f.submissions[m % f.submissions.length] };
        },
      }],
    };
    const scenarios = [health, completions, submissions];
    for (const s of scenarios) await load(server.baseUrl, s.setup(fixture), 2); // warm-up
    const results: Measured[] = [];
    for (const s of scenarios) {
      const cpuBefore = server.cpuSeconds();
      const result = await load(server.baseUrl, s.setup(fixture), DURATION);
      results.push({ result, serverCpuSeconds: server.cpuSeconds() - cpuBefore });
    }
    printTable(
      `HTTP on the embedded store (SQLite, synchronous=${process.env.SQLITE_SYNCHRONOUS ?? 'FULL'}): ${CONNECTIONS} connections, ${DURATION} s each`,
      scenarios.map((s, i) => rowOf(s.name, results[i], i === 0 ? undefined : results[0].result)),
    );
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
