import fc from 'fast-check';
import request from 'supertest';
import { MATRIX } from './support/authorization-matrix';
import { internalsIn } from './support/error-bodies';
import { platformAuditor, provision, RoleName } from './support/provision';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * Throws malformed payloads at every write endpoint, as a caller allowed to use it: whatever
 * arrives, the answer is never a 5xx, a refused request appends nothing, and its body shows no
 * internals (stream names, SQL, stack traces). At least 1,000 of
 * the payloads must be refused (the generator produces almost nothing valid).
 */
const WRITES = Object.entries(MATRIX).filter(([operation]) => !operation.startsWith('GET '));

const malformed = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('courseId', 'credits', 'unit', 'grade', 'completionIds', 'role', 'label', 'institutionId', 'type', 'learnerId', 'reason', 'eqfLevel', 'components', 'minGrade', 'version', 'definitionVersion', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 })),
  fc.record({ credits: fc.oneof(fc.double(), fc.string(), fc.constant('1e999'), fc.constant('-4')), unit: fc.string(), courseId: fc.string({ maxLength: 300 }) }),
);
const rawBody = fc.oneof(
  malformed.map((value) => ({ raw: false as const, value })),
  fc.oneof(fc.string(), fc.constantFrom('{', '{"a":', '[1,2', 'null', '"x"', '\u0000', '{"a":1}garbage')).map((value) => ({ raw: true as const, value })),
);
const pathParam = fc.oneof(fc.constant('real'), fc.string({ maxLength: 80 }).map((s) => encodeURIComponent(s) || 'x'), fc.uuid());

describe('write endpoints under fuzzing (fast-check)', () => {
  let t: StandaloneUnderTest;
  const tokens: Record<string, string> = {};
  let real: Record<string, string>;

  beforeAll(async () => {
    t = await startStandalone();
    Object.assign(tokens, await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer', 'submitter', 'registrar']));
    tokens.admin = t.adminToken;
    tokens.auditor = await platformAuditor(t);
    const as = (path: string, body: object) => request(t.server).post(path).auth(tokens.issuer, { type: 'bearer' }).send(body);
    await as('/courses', { courseId: 'mitx.sc0x', title: 'SC0x', credits: '4', unit: 'US_SEMESTER', eqfLevel: 7, field: 'supply-chain', assessmentType: 'proctored-exam' }).expect(201);
    const learner = await as('/learners', {}).expect(201);
    real = { institutionId: 'mitx', courseId: 'mitx.sc0x', learnerId: learner.body.id, credentialId: '00000000-0000-4000-8000-000000000000', completionId: '00000000-0000-4000-8000-000000000000', code: 'MITx-SCM-MM' };
  }, 30000);
  afterAll(() => t?.close());

  it('never answers 5xx, and a refused write appends nothing (1,000+ malformed payloads)', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(WRITES.length - 1), rawBody, pathParam, async (index, body, param) => {
        const [operation, roles] = WRITES[index];
        const [method, template] = operation.split(' ');
        const path = template.replace(/\{([^}]+)\}/g, (_m, name: string) => (param === 'real' ? real[name] : param));
        const before = await t.store.headPosition();
        const req = request(t.server)[method.toLowerCase() as 'post' | 'put'](path).auth(tokens[roles[0] as RoleName], { type: 'bearer' });
        const text = body.raw ? body.value : (JSON.stringify(body.value) ?? 'null');
        const response = await req.set('content-type', 'application/json').send(text);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 300) {
          refused += 1;
          expect({ operation, leaks: internalsIn(response.body) }).toEqual({ operation, leaks: [] });
          expect(await t.store.headPosition()).toBe(before);
        }
      }),
      { numRuns: 1200 },
    );
    expect(refused).toBeGreaterThanOrEqual(1000);
  }, 120000);
});
