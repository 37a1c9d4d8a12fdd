import request from 'supertest';
import { startStandalone, StandaloneUnderTest } from '../support/standalone-app';

/** Tracker issue 18, defect 3: the last active admin credential cannot be revoked. */
const credentialIdOf = (token: string): string => token.slice(3, 39);

describe('revoking the last admin (security)', () => {
  let t: StandaloneUnderTest;

  beforeAll(async () => {
    t = await startStandalone();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses to revoke the only active admin with 409 last-admin, appending nothing; the credential keeps working', async () => {
    const before = await t.store.headPosition();
    const res = await request(t.server).post(`/credentials/${credentialIdOf(t.adminToken)}/revoke`).auth(t.adminToken, { type: 'bearer' }).send({ reason: 'oops' }).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'last-admin', message: expect.stringMatching(/last active admin credential: issue another admin credential/) });
    expect(await t.store.headPosition()).toBe(before);
    await request(t.server).get('/institutions/platform').auth(t.adminToken, { type: 'bearer' }).expect(404);
  });

  it('revokes an admin while another is active, then refuses the one left', async () => {
    const second = await request(t.server).post('/institutions/platform/credentials').auth(t.adminToken, { type: 'bearer' }).send({ role: 'admin', label: 'second admin' }).expect(201);
    const secondToken = second.body.token as string;
    await request(t.server).post(`/credentials/${credentialIdOf(t.adminToken)}/revoke`).auth(secondToken, { type: 'bearer' }).send({ reason: 'rotated' }).expect(200);
    await request(t.server).get('/institutions/platform').auth(t.adminToken, { type: 'bearer' }).expect(401);
    const last = await request(t.server).post(`/credentials/${second.body.credentialId as string}/revoke`).auth(secondToken, { type: 'bearer' }).send({ reason: 'oops' }).expect(409);
    expect(last.body.code).toBe('last-admin');
  });
});
