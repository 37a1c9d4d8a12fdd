import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import request from 'supertest';
import { requestLogOptions } from '../../libs/platform/src/logging/logging.module';
import { startStandalone, StandaloneUnderTest } from '../support/standalone-app';

/** Tracker issue 18, defect 1: credentials are read from the Authorization header only, and never logged. */
describe('credentials in URLs and bodies (security)', () => {
  let t: StandaloneUnderTest;

  beforeAll(async () => {
    t = await startStandalone();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts the admin credential in the Authorization header', async () => {
    await request(t.server).get('/institutions/platform-test').auth(t.adminToken, { type: 'bearer' }).expect(404);
  });

  it('refuses a valid credential in ?access_token= with 401', async () => {
    const res = await request(t.server).get(`/institutions/platform-test?access_token=${encodeURIComponent(t.adminToken)}`).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, message: expect.stringMatching(/Authorization header/) });
  });

  it('refuses a valid credential in a body field access_token with 401, appending nothing', async () => {
    const before = await t.store.headPosition();
    await request(t.server)
      .post('/institutions')
      .send({ institutionId: 'via-body', name: 'Via Body', country: 'DE', creditUnit: 'ECTS', access_token: t.adminToken })
      .expect(401);
    await request(t.server)
      .post('/institutions')
      .type('form')
      .send({ access_token: t.adminToken, institutionId: 'via-form', name: 'Via Form', country: 'DE', creditUnit: 'ECTS' })
      .expect(401);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('refuses a header whose scheme is not Bearer', async () => {
    await request(t.server).get('/institutions/platform-test').set('Authorization', `Basic ${t.adminToken}`).expect(401);
  });
});

describe('request log redaction (security)', () => {
  const lines: string[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const logger = pinoHttp(requestLogOptions({ logLevel: 'info' }, 'test'), sink);
    server = createServer((req, res) => {
      logger(req, res);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('writes no credential from the query string, the headers or a token-shaped value', async () => {
    const token = 'ct_01234567-89ab-cdef-0123-456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const secret = 'hunter2-very-secret';
    await fetch(`${base}/admissions?access_token=${encodeURIComponent(token)}&api_key=${secret}&page=2&note=${token}`, {
      headers: { authorization: `Bearer ${token}`, cookie: `session=${secret}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = lines.find((l) => l.includes('/admissions'));
    expect(line).toBeDefined();
    expect(line).not.toContain(token.slice(3));
    expect(line).not.toContain(secret);
    const logged = JSON.parse(line as string) as { req: { url: string } };
    expect(logged.req.url).toBe('/admissions?access_token=[Redacted]&api_key=[Redacted]&page=2&note=[Redacted]');
  });
});
