import request from 'supertest';
import { courseBody, courseId, ONLINE } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { provision } from './support/provision';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * Stackable credentials awarded automatically (issue 14): MITx publishes the MIT SCM MicroMasters
 * (five online courses and the proctored comprehensive exam, the exam at 70% at least) marked
 * autoAward. Recording the completion that completes it awards the complete credential in the same
 * append, exactly once (a retry with the Idempotency-Key replays; a retake awards nothing more).
 */
describe('credential definitions with autoAward: the completing completion awards the credential', () => {
  let t: StandaloneUnderTest;
  let issuer: string;
  const as = () => ({
    post: (path: string) => request(t.server).post(path).auth(issuer, { type: 'bearer' }),
    get: (path: string) => request(t.server).get(path).auth(issuer, { type: 'bearer' }),
  });
  const CODE = 'MITx-SCM-MM';
  const autoAward = {
    learningOutcomes: ['Design and manage supply chain networks'],
    workload: { credits: '17', unit: 'US_SEMESTER' },
    eqfLevel: 7,
    assessmentType: 'proctored-exam',
    participation: 'online',
    qualityAssurance: 'MIT internal review',
  };
  const definition = {
    version: '2025',
    title: 'MicroMasters Program in Supply Chain Management',
    type: 'MicroMasters',
    components: ONLINE.map((code) => (code === 'cfx' ? { courseId: courseId(code), minGrade: { scale: 'percent', value: '70' } } : { courseId: courseId(code) })),
    autoAward,
  };
  const completion = (code: string, value: string, completedOn = '2025-06-15') => ({ courseId: courseId(code), grade: { scale: 'percent', value }, identityVerified: true, completedOn });
  const newLearner = async () => (await as().post('/learners').send({}).expect(201)).body.id as string;
  const credentialsOf = async (learnerId: string) => (await as().get(`/learners/${learnerId}/record`).expect(200)).body.credentials as Array<Record<string, unknown>>;

  beforeAll(async () => {
    t = await startStandalone();
    issuer = (await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer'])).issuer;
    for (const code of ONLINE) await as().post('/courses').send(courseBody(code)).expect(201);
    await as().post(`/credential-definitions/${CODE}/versions`).send(definition).expect(201);
  }, 60000);
  afterAll(() => t?.close());

  it('publishes the autoAward template with the version', async () => {
    const res = await as().get(`/credential-definitions/${CODE}`).expect(200);
    expect(res.body.versions[0].autoAward).toEqual(autoAward);
  });

  it('awards the MicroMasters with the completion of the exam, once, over the six completions', async () => {
    const learnerId = await newLearner();
    const ids: string[] = [];
    for (const [i, code] of ONLINE.slice(0, 5).entries()) {
      const res = await as().post(`/learners/${learnerId}/completions`).send(completion(code, String(80 + i))).expect(201);
      expect(res.body.eventIds).toHaveLength(1);
      ids.push(res.body.id as string);
    }
    expect(await credentialsOf(learnerId)).toEqual([]);

    const exam = completion('cfx', '88', '2025-08-20');
    const first = await as().post(`/learners/${learnerId}/completions`).set('Idempotency-Key', 'exam-1').send(exam).expect(201);
    expect(first.body.eventIds).toHaveLength(2);
    const retry = await as().post(`/learners/${learnerId}/completions`).set('Idempotency-Key', 'exam-1').send(exam).expect(201);
    expect(retry.body).toMatchObject({ replayed: true, eventIds: first.body.eventIds });

    const [credential, ...others] = await credentialsOf(learnerId);
    expect(others).toEqual([]);
    expect(credential).toMatchObject({
      type: 'MicroMasters',
      code: CODE,
      title: definition.title,
      complete: true,
      issuedOn: '2025-08-20',
      completionIds: [...ids, first.body.id],
      definition: { code: CODE, version: '2025' },
      awardingBody: 'MITx',
      learningOutcomes: autoAward.learningOutcomes,
      workload: { credits: '17', unit: 'US_SEMESTER' },
      revoked: false,
    });

    // A retake of the exam awards nothing more.
    const retake = await as().post(`/learners/${learnerId}/completions`).send(completion('cfx', '95', '2025-12-01')).expect(201);
    expect(retake.body.eventIds).toHaveLength(1);
    expect(await credentialsOf(learnerId)).toHaveLength(1);
  });

  it('waits for the exam at its minimum: 65% awards nothing, the 75% retake awards', async () => {
    const learnerId = await newLearner();
    for (const code of ONLINE.slice(0, 5)) await as().post(`/learners/${learnerId}/completions`).send(completion(code, '80')).expect(201);
    const failed = await as().post(`/learners/${learnerId}/completions`).send(completion('cfx', '65')).expect(201);
    expect(failed.body.eventIds).toHaveLength(1);
    expect(await credentialsOf(learnerId)).toEqual([]);
    const passed = await as().post(`/learners/${learnerId}/completions`).send(completion('cfx', '75', '2025-09-01')).expect(201);
    expect(passed.body.eventIds).toHaveLength(2);
    expect(await credentialsOf(learnerId)).toEqual([expect.objectContaining({ code: CODE, complete: true, issuedOn: '2025-09-01' })]);
  });

  it('refuses a malformed autoAward template with its pointer, appending nothing', async () => {
    const head = await t.store.headPosition();
    const res = await as().post('/credential-definitions/MITx-SCM-MM-2/versions').send({ ...definition, autoAward: { ...autoAward, eqfLevel: 12 } }).expect(400);
    expect(JSON.stringify(res.body)).toContain('/autoAward/eqfLevel');
    expect(await t.store.headPosition()).toBe(head);
  });

  it('a definition without autoAward awards only on request', async () => {
    const { autoAward: _template, ...manual } = definition;
    await as().post('/credential-definitions/MITx-SCM-MANUAL/versions').send({ ...manual, components: manual.components.slice(0, 1) }).expect(201);
    const learnerId = await newLearner();
    const res = await as().post(`/learners/${learnerId}/completions`).send(completion('sc0x', '90')).expect(201);
    expect(res.body.eventIds).toHaveLength(1);
    expect(await credentialsOf(learnerId)).toEqual([]);
  });
});
