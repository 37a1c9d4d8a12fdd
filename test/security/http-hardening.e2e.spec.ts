import request from 'supertest';
import { startStandalone, StandaloneUnderTest } from '../support/standalone-app';

/** Tracker issue 18, defect 9: security headers, CORS off unless configured, failed-authentication rate limit. */
const WRONG_TOKEN = 'ct_01234567-89ab-cdef-0123-456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

describe('HTTP hardening with the default configuration (security)', () => {
  let t: StandaloneUnderTest;

  beforeAll(async () => {
    t = await startStandalone();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends nosniff, a CSP that forbids framing and plugins, and HSTS on every answer', async () => {
    const res = await request(t.server).get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=15552000/);
  });

  it('serves /docs under the CSP: the Swagger UI loads only scripts from the server itself', async () => {
    const ui = await request(t.server).get('/docs').expect(200);
    expect(ui.headers['content-security-policy']).toContain("script-src 'self'");
    const scripts = [...ui.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe(''); // no inline script, which script-src 'self' would block
      const src = /src="([^"]+)"/.exec(attributes)?.[1] as string;
      expect(src).not.toMatch(/^(https?:)?\/\//);
      await request(t.server).get(new URL(src, 'http://x/docs').pathname).expect(200);
    }
  });

  it('answers 401 with WWW-Authenticate: Bearer', async () => {
    const res = await request(t.server).get('/institutions/x').expect(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="credit-transfer"/);
    const wrong = await request(t.server).get('/institutions/x').auth(WRONG_TOKEN, { type: 'bearer' }).expect(401);
    expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('marks authenticated answers Cache-Control: no-store', async () => {
    await request(t.server).post('/institutions').auth(t.adminToken, { type: 'bearer' })
      .send({ institutionId: 'uni-hardening', name: 'Hardening University', country: 'DE', creditUnit: 'ECTS' }).expect(201);
    const read = await request(t.server).get('/institutions/uni-hardening').auth(t.adminToken, { type: 'bearer' }).expect(200);
    expect(read.headers['cache-control']).toBe('no-store');
  });

  it('has CORS off: a cross-origin request gets no Access-Control-Allow-Origin', async () => {
    const res = await request(t.server).get('/health').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
