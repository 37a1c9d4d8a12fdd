import { courseBody, courseId, microMastersBody, ONLINE, scmPolicy, scmProgram } from './scm-pathway.http-fixtures';
import { provision, TransferTestApp } from './transfer-test-app';

/** The SCM pathway set up over HTTP on a transfer test app: institutions, courses, program, policy. */
export interface ScmWorld {
  mit: Record<string, string>;
  mitx: Record<string, string>;
  uni: Record<string, string>;
  post(token: string, path: string, body: object): Promise<{ status: number; body: Record<string, unknown> & { id: string }; headers: Record<string, string> }>;
}

export interface ScmLearner {
  learnerId: string;
  completionIds: string[];
  credentialId: string;
  /** A seventh completion, of the exam course, in no credential's stack. */
  extraCompletionId: string;
}

export async function scmWorld(t: TransferTestApp): Promise<ScmWorld> {
  const mit = await provision(t, 'mit', 'Massachusetts Institute of Technology', ['registrar']);
  const mitx = await provision(t, 'mitx', 'MITx', ['issuer']);
  const uni = await provision(t, 'uni-porto', 'Universidade do Porto', ['submitter']);
  const post: ScmWorld['post'] = async (token, path, body) => {
    const res = await t.http().post(path).auth(token, { type: 'bearer' }).send(body);
    return { status: res.status, body: res.body as Record<string, unknown> & { id: string }, headers: res.headers as Record<string, string> };
  };
  const ok = async (token: string, path: string, body: object) => {
    const res = await post(token, path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  for (const code of ONLINE) await ok(mitx.issuer, '/courses', courseBody(code));
  await ok(mit.registrar, '/programs/mit-scm/versions', { definition: scmProgram() });
  await ok(mit.registrar, '/policies/mit-scm-recognition/versions', { definition: scmPolicy() });
  return { mit, mitx, uni, post };
}

/** A learner with the six MicroMasters completions, the complete MicroMasters and one extra exam completion, admitted at MIT. */
export async function scmLearner(world: ScmWorld): Promise<ScmLearner> {
  const ok = async (token: string, path: string, body: object) => {
    const res = await world.post(token, path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const learnerId = await ok(world.mitx.issuer, '/learners', {});
  const completionIds: string[] = [];
  for (const [i, code] of ONLINE.entries()) {
    completionIds.push(await ok(world.mitx.issuer, `/learners/${learnerId}/completions`, { courseId: courseId(code), grade: { scale: 'percent', value: String(80 + i) }, identityVerified: true, completedOn: `2025-0${i + 2}-15` }));
  }
  const credentialId = await ok(world.mitx.issuer, `/learners/${learnerId}/credentials`, microMastersBody(completionIds));
  const extraCompletionId = await ok(world.mitx.issuer, `/learners/${learnerId}/completions`, { courseId: courseId('cfx'), grade: { scale: 'percent', value: '75' }, identityVerified: true, completedOn: '2025-09-01' });
  await ok(world.mit.registrar, '/admissions', { learnerId, programId: 'mit-scm', decidedOn: '2026-01-15' });
  return { learnerId, completionIds, credentialId, extraCompletionId };
}

/** Submits a request for the learner (the given completions and the credential); decides it as proposed unless `decide` is false. */
export async function scmRequest(t: TransferTestApp, world: ScmWorld, learner: ScmLearner, completionIds: string[], options: { decide?: boolean; credential?: boolean } = {}): Promise<string> {
  const evidence = { completionIds, credentialIds: options.credential === false ? [] : [learner.credentialId] };
  const submitted = await world.post(world.uni.submitter, '/transfer-requests', { learnerId: learner.learnerId, receivingInstitution: 'mit', programId: 'mit-scm', evidence });
  if (submitted.status !== 201) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const requestId = submitted.body.id;
  if (options.decide === false) return requestId;
  const view = await t.http().get(`/transfer-requests/${requestId}`).auth(world.mit.registrar, { type: 'bearer' });
  const proposals = (view.body as { evaluation: { proposals: { itemId: string; decision: string; reasons: string[] }[] } }).evaluation.proposals;
  const items = proposals.map((p) => ({ itemId: p.itemId, outcome: p.decision, reasonCode: p.reasons[0] ?? 'AS_PROPOSED' }));
  const decided = await world.post(world.mit.registrar, `/transfer-requests/${requestId}/decision`, { items });
  if (decided.status !== 201) throw new Error(`decide: ${decided.status} ${JSON.stringify(decided.body)}`);
  return requestId;
}
