import request from 'supertest';
import { scmPolicy, scmProgram } from '../../libs/transfer/test/scm-pathway.http-fixtures';
import { provision } from '../support/provision';
import { startStandalone, StandaloneUnderTest } from '../support/standalone-app';

/**
 * Tracker issue 18, defect 5: ids that are names of Object.prototype's properties are ids like
 * any other. A write naming one as an existing resource finds nothing (404, or 400 when the id
 * grammar refuses it), and one creating a resource under it succeeds (or is refused by the
 * grammar), never "already registered", never 5xx.
 */
const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'] as const;
const NOT_FOUND = [400, 404];

describe('prototype names as ids (security)', () => {
  let t: StandaloneUnderTest;
  let tokens: Record<string, Record<string, string>>;
  let learnerId: string;

  beforeAll(async () => {
    t = await startStandalone();
    tokens = {
      mit: await provision(t, { institutionId: 'mit', name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar']),
      mitx: await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer']),
      porto: await provision(t, { institutionId: 'uni-porto', name: 'Porto', country: 'PT', creditUnit: 'ECTS' }, ['submitter']),
    };
    learnerId = (await request(t.server).post('/learners').auth(tokens.mitx.issuer, { type: 'bearer' }).send({}).expect(201)).body.id as string;
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, token: string, body: object) => request(t.server).post(path).auth(token, { type: 'bearer' }).send(body);
  const admin = () => t.adminToken;
  const issuer = () => tokens.mitx.issuer;
  const registrar = () => tokens.mit.registrar;
  const submitter = () => tokens.porto.submitter;

  /** Writes that name the id as something that must already exist. */
  const references: [string, (name: string) => Promise<request.Response>][] = [
    ['POST /institutions/{institutionId}/credentials', (n) => post(`/institutions/${encodeURIComponent(n)}/credentials`, admin(), { role: 'registrar', label: 'x' })],
    ['POST /credentials/{credentialId}/revoke', (n) => post(`/credentials/${encodeURIComponent(n)}/revoke`, admin(), { reason: 'x' })],
    ['POST /learners/{learnerId}/enrollments', (n) => post(`/learners/${encodeURIComponent(n)}/enrollments`, issuer(), { courseId: 'mitx-ctl.sc0x', term: '2025T1', enrolledOn: '2025-01-10' })],
    ['POST /learners/{learnerId}/completions/{completionId}/corrections', (n) => post(`/learners/${learnerId}/completions/${encodeURIComponent(n)}/corrections`, issuer(), { grade: { scale: 'percent', value: '88' }, reason: 'x' })],
    ['POST /learners/{learnerId}/completions/{completionId}/withdrawal', (n) => post(`/learners/${learnerId}/completions/${encodeURIComponent(n)}/withdrawal`, issuer(), { reason: 'x' })],
    ['POST /learners/{learnerId}/credentials/{credentialId}/revocation', (n) => post(`/learners/${learnerId}/credentials/${encodeURIComponent(n)}/revocation`, issuer(), { reason: 'x' })],
    ['POST /admissions (programId)', (n) => post('/admissions', registrar(), { learnerId, programId: n, decidedOn: '2026-01-15' })],
    ['POST /admissions (learnerId)', (n) => post('/admissions', registrar(), { learnerId: n, programId: 'mit-scm', decidedOn: '2026-01-15' })],
    ['POST /transfer-requests (programId)', (n) => post('/transfer-requests', submitter(), { learnerId, receivingInstitution: 'mit', programId: n, evidence: { completionIds: [], credentialIds: [] } })],
    ['POST /transfer-requests (receivingInstitution)', (n) => post('/transfer-requests', submitter(), { learnerId, receivingInstitution: n, programId: 'mit-scm', evidence: { completionIds: [], credentialIds: [] } })],
    ['POST /transfer-requests/{requestId}/decision', (n) => post(`/transfer-requests/${encodeURIComponent(n)}/decision`, registrar(), { items: [{ itemId: 'completion:x', outcome: 'denied', reasonCode: 'NO_MATCH' }] })],
    ['POST /transfer-requests/{requestId}/exceptions', (n) => post(`/transfer-requests/${encodeURIComponent(n)}/exceptions`, registrar(), { kind: 'waive', rulePath: 'mit-scm/capstone', reason: 'x' })],
    ['POST /transfer-requests/{requestId}/appeal', (n) => post(`/transfer-requests/${encodeURIComponent(n)}/appeal`, submitter(), { grounds: 'x' })],
    ['POST /transfer-requests/{requestId}/revision', (n) => post(`/transfer-requests/${encodeURIComponent(n)}/revision`, registrar(), { items: [{ itemId: 'completion:x', outcome: 'denied', reasonCode: 'NO_MATCH' }] })],
    ['POST /transfer-requests/{requestId}/withdrawal', (n) => post(`/transfer-requests/${encodeURIComponent(n)}/withdrawal`, submitter(), { reason: 'x' })],
  ];

  describe.each(references)('%s', (_route, send) => {
    it.each(NAMES)('with %s finds nothing (404 or 400), appending nothing', async (name) => {
      const before = await t.store.headPosition();
      const res = await send(name);
      expect(`${res.status} ${res.text}`).toMatch(new RegExp(`^(${NOT_FOUND.join('|')}) `));
      expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String) });
      expect(await t.store.headPosition()).toBe(before);
    });
  });

  /** Writes that create a resource under the id: then readable, and unique. */
  const creations: [string, (name: string) => Promise<request.Response>, (name: string) => Promise<request.Response>][] = [
    [
      'POST /institutions',
      (n) => post('/institutions', admin(), { institutionId: n, name: `Institution ${n}`, country: 'DE', creditUnit: 'ECTS' }),
      (n) => request(t.server).get(`/institutions/${encodeURIComponent(n)}`).auth(admin(), { type: 'bearer' }),
    ],
    [
      'POST /programs/{programId}/versions',
      (n) => post(`/programs/${encodeURIComponent(n)}/versions`, registrar(), { definition: { ...scmProgram(), programId: n } }),
      (n) => request(t.server).get(`/programs/${encodeURIComponent(n)}`).auth(registrar(), { type: 'bearer' }),
    ],
    [
      'POST /policies/{policyId}/versions',
      (n) => post(`/policies/${encodeURIComponent(n)}/versions`, registrar(), { definition: { ...scmPolicy(), policyId: n } }),
      (n) => request(t.server).get(`/policies/${encodeURIComponent(n)}`).auth(registrar(), { type: 'bearer' }),
    ],
  ];

  describe.each(creations)('%s', (_route, create, read) => {
    it.each(NAMES)('with %s creates it (or the grammar refuses it with 400), and only once', async (name) => {
      const first = await create(name);
      expect([201, 400]).toContain(first.status);
      if (first.status === 400) {
        expect(first.body.errors?.[0]?.path ?? first.body.message).toBeTruthy();
        return;
      }
      expect((await read(name)).status).toBe(200);
      expect((await create(name)).status).toBe(409);
    });
  });
});
