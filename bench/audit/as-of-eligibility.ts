import { newCredentialToken } from '@app/platform';
import { courseBody, courseId, microMastersBody, ONLINE, scmPolicy, scmProgram } from '../../libs/transfer/test/scm-pathway.http-fixtures';
import { nowMs, percentile, Row } from '../lib/report';
import { call, startStandaloneServer } from '../lib/server-process';

const SAMPLES = 300;
const WARMUP = 30;

async function latencies(url: string, token: string, samples: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < WARMUP + samples; i++) {
    const start = nowMs();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${url} -> ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    if (i >= WARMUP) out.push(nowMs() - start);
  }
  return out.sort((a, b) => a - b);
}

/**
 * As-of eligibility for a learner with 200 events (the learner stream alone; plus the program,
 * policy and admission streams it reads), over HTTP against the standalone server in its own
 * process, one request at a time; next to the same question answered from the progress row
 * (the current answer) in the same run.
 */
export async function asOfEligibilityRows(): Promise<Row[]> {
  const server = await startStandaloneServer(newCredentialToken().token);
  try {
    const tokens: Record<string, string> = {};
    for (const [institutionId, role] of [['mitx', 'issuer'], ['mit', 'registrar']] as const) {
      await call(server.baseUrl, server.adminToken, 'POST', '/institutions', { institutionId, name: institutionId, country: 'US', creditUnit: 'US_SEMESTER' });
      tokens[role] = (await call<{ token: string }>(server.baseUrl, server.adminToken, 'POST', `/institutions/${institutionId}/credentials`, { role, label: 'bench' })).token;
    }
    for (const code of ONLINE) await call(server.baseUrl, tokens.issuer, 'POST', '/courses', courseBody(code));
    await call(server.baseUrl, tokens.registrar, 'POST', '/programs/mit-scm/versions', { definition: scmProgram() });
    await call(server.baseUrl, tokens.registrar, 'POST', '/policies/mit-scm-recognition/versions', { definition: scmPolicy() });
    const learnerId = (await call<{ id: string }>(server.baseUrl, tokens.issuer, 'POST', '/learners', {})).id;
    const completionIds: string[] = [];
    // 1 registration + 198 completions (retakes of the six courses) + 1 credential = 200 learner events.
    for (let i = 0; i < 198; i++) {
      const code = ONLINE[i % ONLINE.length];
      const body = { courseId: courseId(code), grade: { scale: 'percent', value: String(60 + (i % 40)) }, identityVerified: true, completedOn: '2025-06-15' };
      const id = (await call<{ id: string }>(server.baseUrl, tokens.issuer, 'POST', `/learners/${learnerId}/completions`, body)).id;
      if (i < ONLINE.length) completionIds.push(id);
    }
    await call(server.baseUrl, tokens.issuer, 'POST', `/learners/${learnerId}/credentials`, microMastersBody(completionIds));
    await call(server.baseUrl, tokens.registrar, 'POST', '/admissions', { learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' });
    const head = (await call<{ upToPosition: number }>(server.baseUrl, tokens.registrar, 'GET', `/eligibility?learnerId=${learnerId}&programId=mit-scm`)).upToPosition;
    const base = `${server.baseUrl}/eligibility?learnerId=${learnerId}&programId=mit-scm`;
    const current = await latencies(base, tokens.registrar, SAMPLES);
    const asOf = await latencies(`${base}&asOf=${head}`, tokens.registrar, SAMPLES);
    const row = (name: string, ms: number[]): Row => ({ query: name, samples: ms.length, 'p50 ms': percentile(ms, 50), 'p99 ms': percentile(ms, 99), 'max ms': ms[ms.length - 1] });
    return [
      row(`as-of eligibility (asOf=${head}, learner with 200 events)`, asOf),
      row('baseline: current eligibility (progress row)', current),
      { query: 'ratio p99 as-of / current', samples: SAMPLES, 'p50 ms': percentile(asOf, 50) / percentile(current, 50), 'p99 ms': percentile(asOf, 99) / percentile(current, 99), 'max ms': 0 },
    ];
  } finally {
    await server.stop();
  }
}
