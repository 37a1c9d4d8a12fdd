import autocannon from 'autocannon';
import { newCredentialToken } from '@app/platform';
import { provisionFixture } from '../api/scenarios';
import { call, startStandaloneServer } from '../lib/server-process';
import { Row } from '../lib/report';

const DURATION = Number(process.env.BENCH_DURATION ?? '10');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? '8');
const TARGET_RPS = 2_000;
const TARGET_P99_MS = 10;

function load(url: string, requests: autocannon.Request[], duration: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, requests });
}

/**
 * Eligibility query throughput on the embedded default (the standalone server in its own
 * process, autocannon here): GET /eligibility for admitted learners with a complete MicroMasters
 * (answered from their progress rows), next to GET /health in the same run.
 */
export async function benchEligibilityHttp(): Promise<Row[]> {
  const server = await startStandaloneServer(newCredentialToken().token);
  try {
    const fixture = await provisionFixture(server.baseUrl, server.adminToken, 100, 50);
    const admitted = fixture.learnerIds.slice(0, 50);
    const path = (learnerId: string) => `/eligibility?learnerId=${learnerId}&programId=mit-scm`;
    for (let attempt = 0; ; attempt += 1) {
      const answer = await call<{ source: string }>(server.baseUrl, fixture.registrarToken, 'GET', path(admitted[admitted.length - 1]));
      if (answer.source === 'projection') break;
      if (attempt > 100) throw new Error(`eligibility is not answered from the progress rows: source ${answer.source}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    let n = 0;
    const health: autocannon.Request[] = [{ method: 'GET', path: '/health' }];
    const eligibility: autocannon.Request[] = [{
      method: 'GET',
      path: path(admitted[0]),
      headers: { authorization: `Bearer ${fixture.registrarToken}` },
      setupRequest: (req) => ({ ...req, path: path(admitted[(n += 1) % admitted.length]) }),
    }];
    await load(server.baseUrl, health, 2);
    await load(server.baseUrl, eligibility, 2);
    const measured = async (requests: autocannon.Request[]) => {
      const cpuBefore = server.cpuSeconds();
      const r = await load(server.baseUrl, requests, DURATION);
      return { r, cpuUsPerRequest: Math.round(((server.cpuSeconds() - cpuBefore) * 1e6) / Math.max(1, r.requests.total)) };
    };
    const baseline = await measured(health);
    const result = await measured(eligibility);
    const row = (name: string, { r, cpuUsPerRequest }: { r: autocannon.Result; cpuUsPerRequest: number }, target: string, met: string): Row => ({
      scenario: name,
      'req/s': r.requests.average,
      'p50 ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      'non-2xx': r.non2xx,
      errors: r.errors + r.timeouts,
      'ratio to /health': Number((r.requests.average / baseline.r.requests.average).toFixed(2)),
      'server CPU us/req': cpuUsPerRequest,
      target,
      met,
    });
    return [
      row('GET /health (baseline)', baseline, '', ''),
      row(
        'GET /eligibility (progress row)',
        result,
        `>= ${TARGET_RPS.toLocaleString('en-US')} req/s, p99 <= ${TARGET_P99_MS} ms`,
        result.r.requests.average >= TARGET_RPS && result.r.latency.p99 <= TARGET_P99_MS && result.r.non2xx === 0 ? 'yes' : 'NO',
      ),
    ];
  } finally {
    await server.stop();
  }
}
