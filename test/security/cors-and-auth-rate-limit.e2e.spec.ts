import request from 'supertest';
import { startStandalone, StandaloneUnderTest } from '../support/standalone-app';

/**
 * Tracker issue 18, defect 9, configured: CORS for listed origins, HSTS off, and the rate limit on
 * failed authentication (a file of its own: the app's configuration is read when it is imported).
 */
const WRONG_TOKEN = 'ct_01234567-89ab-cdef-0123-456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

describe('HTTP hardening, configured (security)', () => {
  let t: StandaloneUnderTest;
  const WINDOW_MS = 2000;

  beforeAll(async () => {
    t = await startStandalone({
      CORS_ORIGINS: 'https://registrar.example.org',
      HSTS_MAX_AGE: '0',
      AUTH_FAILURE_LIMIT: '5',
      AUTH_FAILURE_WINDOW_MS: String(WINDOW_MS),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('allows CORS for a configured origin only, and sends no HSTS when HSTS_MAX_AGE=0', async () => {
    const allowed = await request(t.server)
      .options('/institutions/x')
      .set('Origin', 'https://registrar.example.org')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://registrar.example.org');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/authorization/i);
    const other = await request(t.server).get('/health').set('Origin', 'https://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(other.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers 429 with Retry-After after too many failed authentications, even to a valid credential, until the window passes', async () => {
    await request(t.server).get('/institutions/platform').auth(t.adminToken, { type: 'bearer' }).expect(404);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await request(t.server).get('/institutions/x').auth(WRONG_TOKEN, { type: 'bearer' })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toEqual(Array(6).fill(429));
    const blocked = await request(t.server).get('/institutions/platform').auth(t.adminToken, { type: 'bearer' }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'auth-rate-limited', message: expect.stringMatching(/failed authentications/) });
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 200));
    await request(t.server).get('/institutions/platform').auth(t.adminToken, { type: 'bearer' }).expect(404);
  });
});
