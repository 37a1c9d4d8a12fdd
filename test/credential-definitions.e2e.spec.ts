import request from 'supertest';
import type { RecordedEvent } from '@app/event-store';
import { routeOf } from '@app/messaging';
import { ReadModelProjector } from '@app/projections';
import { courseBody, courseId, microMastersBody, ONLINE } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { assertNoInternals } from './support/error-bodies';
import { platformAuditor, provision } from './support/provision';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * Credential definitions (issue 13, item 7): an issuer publishes what its credential program
 * requires, and a credential marked complete is refused unless its stack holds a passed completion,
 * at its minimum grade, of every component, with each miss named and pointed at; without a
 * definition, a complete credential still holds passed completions only (the engine's grade table).
 */
describe('credential definitions: a complete credential is checked against what it requires', () => {
  let t: StandaloneUnderTest;
  let mitx: Record<string, string>;
  let gtx: Record<string, string>;
  const as = (token: string) => ({
    post: (path: string) => request(t.server).post(path).auth(token, { type: 'bearer' }),
    get: (path: string) => request(t.server).get(path).auth(token, { type: 'bearer' }),
  });
  const definition = {
    version: '2025',
    title: 'MicroMasters Program in Supply Chain Management',
    type: 'MicroMasters',
    components: ONLINE.map((code) => (code === 'cfx' ? { courseId: courseId(code), minGrade: { scale: 'percent', value: '70' } } : { courseId: courseId(code) })),
  };
  const grades: Record<string, string> = { sc0x: '80', sc1x: '81', sc2x: '82', sc3x: '83', sc4x: '84', cfx: '90' };

  /** A learner with a completion of each course in `codes` (grade overrides by code); the completion ids in order. */
  async function learnerWith(codes: string[], overrides: Record<string, { scale: string; value: string }> = {}): Promise<{ learnerId: string; completionIds: string[] }> {
    const learnerId = (await as(mitx.issuer).post('/learners').send({}).expect(201)).body.id as string;
    const completionIds: string[] = [];
    for (const code of codes) {
      const body = { courseId: courseId(code), grade: overrides[code] ?? { scale: 'percent', value: grades[code] }, identityVerified: true, completedOn: '2025-06-15' };
      completionIds.push((await as(mitx.issuer).post(`/learners/${learnerId}/completions`).send(body).expect(201)).body.id as string);
    }
    return { learnerId, completionIds };
  }

  beforeAll(async () => {
    t = await startStandalone();
    mitx = await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer']);
    gtx = await provision(t, { institutionId: 'gtx', name: 'GTx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer']);
    for (const code of ONLINE) await as(mitx.issuer).post('/courses').send(courseBody(code)).expect(201);
    await as(gtx.issuer).post('/courses').send({ ...courseBody('sc0x'), courseId: 'gtx.isye6501x', title: 'Analytics Modeling' }).expect(201);
    await as(mitx.issuer).post('/credential-definitions/MITx-SCM-MM/versions').send(definition).expect(201);
  }, 60000);
  afterAll(() => t?.close());

  it('publishes a versioned definition that every reader can read, with each component course’s title and minimum', async () => {
    const res = await as(gtx.issuer).get('/credential-definitions/MITx-SCM-MM').expect(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({ code: 'MITx-SCM-MM', issuerId: 'mitx', latestVersion: '2025', revision: 0 });
    expect(res.body.versions[0].components).toHaveLength(6);
    expect(res.body.versions[0].components[5]).toEqual({ courseId: courseId('cfx'), courseTitle: 'Supply chain cfx', minGrade: { scale: 'percent', value: '70' } });
    await as(mitx.issuer).get('/credential-definitions/MITx-NOTHING').expect(404);
  });

  it('refuses a complete MicroMasters over a stack missing one of its courses (409), naming it, and appends nothing', async () => {
    const { learnerId, completionIds } = await learnerWith(['sc0x', 'sc1x', 'sc2x', 'sc3x', 'cfx']);
    const head = await t.store.headPosition();
    const res = await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(microMastersBody(completionIds)).expect(409);
    expect(res.body).toMatchObject({ code: 'credential-requirements-not-met', errors: [{ location: 'body', path: '/completionIds', message: `${courseId('sc4x')} (Supply chain sc4x): no completion of it in the stack` }] });
    expect(res.body.message).toContain('MITx-SCM-MM version 2025');
    expect(res.body.message).toContain(courseId('sc4x'));
    assertNoInternals(res.body);
    expect(await t.store.headPosition()).toBe(head);
    // The same stack as an incomplete credential is the issuer's to award.
    await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send({ ...microMastersBody(completionIds), complete: false }).expect(201);
  });

  it('refuses a component below its minimum grade, pointing at that completion', async () => {
    const { learnerId, completionIds } = await learnerWith(ONLINE, { cfx: { scale: 'percent', value: '65' } });
    const res = await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(microMastersBody(completionIds)).expect(409);
    expect(res.body.errors).toEqual([{ location: 'body', path: '/completionIds/5', message: `${courseId('cfx')} (Supply chain cfx): grade 65% of completion ${completionIds[5]} is below the minimum 70%` }]);
  });

  it('awards a complete credential over a stack that completes the definition, and records the version it was checked against', async () => {
    const { learnerId, completionIds } = await learnerWith(ONLINE);
    const awarded = await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(microMastersBody(completionIds)).expect(201);
    const record = await as(mitx.issuer).get(`/learners/${learnerId}/record`).expect(200);
    expect(record.body.credentials).toEqual([expect.objectContaining({ credentialId: awarded.body.id, complete: true, definition: { code: 'MITx-SCM-MM', version: '2025' } })]);
  });

  it('without a definition, a complete credential holds passed completions only, by the engine’s grade table (60%, D-, 2.4 on 4 points)', async () => {
    const { learnerId, completionIds } = await learnerWith(['sc0x', 'sc1x', 'sc2x'], { sc1x: { scale: 'percent', value: '55' }, sc2x: { scale: 'numeric-4', value: '2.0' } });
    const body = { ...microMastersBody(completionIds), code: 'MITx-UNDEFINED', type: 'XSeries' };
    const res = await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(body).expect(409);
    expect(res.body).toMatchObject({ code: 'failed-completion-in-stack' });
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['/completionIds/1', '/completionIds/2']);
    const passing = await learnerWith(['sc0x', 'sc1x'], { sc0x: { scale: 'letter', value: 'D-' }, sc1x: { scale: 'numeric-4', value: '2.4' } });
    await as(mitx.issuer).post(`/learners/${passing.learnerId}/credentials`).send({ ...body, completionIds: passing.completionIds }).expect(201);
  });

  it('versions: immutable, the latest checked by default, another one by name, an unknown one refused', async () => {
    await as(mitx.issuer).post('/credential-definitions/MITx-SCM-MM/versions').send(definition).expect(409);
    await as(mitx.issuer).post('/credential-definitions/MITx-SCM-MM/versions').send({ ...definition, version: '2026', components: [{ courseId: courseId('sc0x') }] }).expect(201);
    const { learnerId, completionIds } = await learnerWith(['sc0x']);
    const latest = await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send(microMastersBody(completionIds)).expect(201);
    expect(latest.body.id).toEqual(expect.any(String));
    const older = await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send({ ...microMastersBody(completionIds), definitionVersion: '2025' }).expect(409);
    expect(older.body.code).toBe('credential-requirements-not-met');
    const unknown = await as(mitx.issuer).post(`/learners/${learnerId}/credentials`).send({ ...microMastersBody(completionIds), definitionVersion: '2019' }).expect(409);
    expect(unknown.body).toMatchObject({ code: 'credential-definition-version-not-found', errors: [{ path: '/definitionVersion' }] });
    const record = await as(mitx.issuer).get(`/learners/${learnerId}/record`).expect(200);
    expect(record.body.credentials.map((c: { definition: unknown }) => c.definition)).toEqual([{ code: 'MITx-SCM-MM', version: '2026' }]);
  });

  it('another issuer neither publishes a version of the code nor awards it, nor builds a definition of MITx’s courses; unknown courses are 400 with the pointer', async () => {
    await as(gtx.issuer).post('/credential-definitions/MITx-SCM-MM/versions').send({ ...definition, version: '2030', components: [{ courseId: 'gtx.isye6501x' }] }).expect(403);
    const foreign = await as(gtx.issuer).post('/credential-definitions/GTx-ANALYTICS/versions').send({ ...definition, components: [{ courseId: 'gtx.isye6501x' }, { courseId: courseId('sc0x') }] }).expect(403);
    expect(foreign.body).toMatchObject({ code: 'component-of-another-issuer', errors: [{ path: '/components/1/courseId' }] });
    const unknown = await as(gtx.issuer).post('/credential-definitions/GTx-ANALYTICS/versions').send({ ...definition, components: [{ courseId: 'gtx.nope' }] }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'component-course-not-found', errors: [{ path: '/components/0/courseId' }] });
    const repeated = await as(gtx.issuer).post('/credential-definitions/GTx-ANALYTICS/versions').send({ ...definition, components: [{ courseId: 'gtx.isye6501x' }, { courseId: 'gtx.isye6501x' }] }).expect(400);
    expect(repeated.body.errors[0].path).toBe('/components/1/courseId');
    const learnerId = (await as(gtx.issuer).post('/learners').send({}).expect(201)).body.id as string;
    const completion = await as(gtx.issuer).post(`/learners/${learnerId}/completions`).send({ courseId: 'gtx.isye6501x', grade: { scale: 'percent', value: '90' }, identityVerified: true, completedOn: '2025-06-15' }).expect(201);
    const award = await as(gtx.issuer).post(`/learners/${learnerId}/credentials`).send(microMastersBody([completion.body.id as string])).expect(403);
    expect(award.body).toMatchObject({ code: 'credential-code-of-another-issuer', errors: [{ path: '/code' }] });
    const badCode = await as(gtx.issuer).post(`/learners/${learnerId}/credentials`).send({ ...microMastersBody([completion.body.id as string]), code: 'has space' }).expect(400);
    expect(JSON.stringify(badCode.body)).toContain('/code');
  });

  it('the new stream category is known wherever streams are: Kafka routing, the history index', async () => {
    const events: RecordedEvent[] = [];
    for await (const e of t.store.readAll()) events.push(e);
    const definitions = events.filter((e) => e.type === 'CredentialDefinitionPublished');
    expect(definitions.length).toBeGreaterThanOrEqual(2);
    for (const e of events) expect(() => routeOf(e.stream)).not.toThrow();
    await t.app.get(ReadModelProjector).waitFor(await t.store.headPosition());
    const auditor = await platformAuditor(t);
    const history = await as(auditor).get('/audit/history/institution/mitx?types=CredentialDefinitionPublished').expect(200);
    expect(history.body.entries.map((e: { position: number }) => e.position)).toEqual(definitions.map((e) => e.position));
  });
});
