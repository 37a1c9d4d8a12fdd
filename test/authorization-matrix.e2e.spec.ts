import request from 'supertest';
import { ALL, MATRIX } from './support/authorization-matrix';
import { internalsIn } from './support/error-bodies';
import { openApiOperations, platformAuditor, provision, RoleName } from './support/provision';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * Every role against every endpoint. The table in support/authorization-matrix.ts is the
 * specification: which roles may call each operation. The test fails if the app lets another role through, refuses an allowed one,
 * answers without a credential, or serves an operation the table does not list.
 * Every request carries an empty body; whatever is refused appends nothing.
 */
const PUBLIC = ['GET /health', 'GET /metrics', 'GET /schemas', 'GET /schemas/program.schema.json', 'GET /schemas/recognition-policy.schema.json',
  // Public by design: verifiers fetch status lists, keys and DID documents without a credential.
  'GET /status-lists/{statusListId}', 'GET /institutions/{institutionId}/keys', 'GET /institutions/{institutionId}/did.json'];

function concretePath(template: string): string {
  return template.replace(/\{[^}]+\}/g, (param) => (param === '{institutionId}' ? 'mitx' : '00000000-0000-4000-8000-000000000000'));
}

describe('authorization matrix: every role against every endpoint', () => {
  let t: StandaloneUnderTest;
  const tokens: Record<RoleName, string> = {} as Record<RoleName, string>;

  beforeAll(async () => {
    t = await startStandalone();
    const mitx = await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer', 'submitter', 'registrar']);
    Object.assign(tokens, mitx, { admin: t.adminToken, auditor: await platformAuditor(t) });
  });
  afterAll(() => t?.close());

  it('lists every operation the API serves', async () => {
    const served = (await openApiOperations(t)).filter((op) => !PUBLIC.includes(op)).sort();
    expect(served).toEqual(Object.keys(MATRIX).sort());
  });

  const cases = Object.entries(MATRIX).flatMap(([operation, allowed]) =>
    ALL.map((role) => ({ operation, role, allowed: allowed.includes(role) })),
  );

  it.each(cases)('$operation as $role: allowed=$allowed', async ({ operation, role, allowed }) => {
    const [method, template] = operation.split(' ');
    const path = concretePath(template);
    const before = await t.store.headPosition();
    const send = (token?: string) => {
      const req = request(t.server)[method.toLowerCase() as 'get' | 'post' | 'put'](path);
      if (token) req.auth(token, { type: 'bearer' });
      return method === 'GET' ? req : req.send({});
    };
    expect((await send()).status).toBe(401);
    const response = await send(tokens[role]);
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else {
      expect(response.status).toBe(403);
    }
    if (response.status >= 300) {
      expect(await t.store.headPosition()).toBe(before);
      expect(internalsIn(response.body)).toEqual([]);
    }
  });
});
