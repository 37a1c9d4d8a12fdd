import request from 'supertest';
import { ReadModelProjector } from '@app/projections';
import { runScmFlow, ScmFlowResult } from './support/scm-flow';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * Issue 13 item 3, as a registrar or a learner's adviser would use it over the public API: read
 * what is missing, add exactly what it asks for as hypothetical learning (what-if), and the
 * program is satisfied. Nothing is written.
 */
type Need =
  | { kind: 'course'; course: string; matching: { minGrade?: unknown; fields?: string[]; inResidence?: boolean }; source: 'home' | 'transfer' }
  | { kind: 'items'; items: number; matching: { fields?: string[]; inResidence?: boolean }; source: 'home' | 'transfer' }
  | { kind: 'credits' | 'total'; credits: { exact: string }; matching: { fields?: string[]; inResidence?: boolean }; source: 'home' | 'transfer' }
  | { kind: 'admission' | 'residency' | 'exception' };

describe('missing is actionable: adding what it asks for completes the program (what-if over HTTP)', () => {
  let t: StandaloneUnderTest;
  let flow: ScmFlowResult;
  const get = (path: string) => request(t.server).get(path).auth(flow.tokens.mit.registrar, { type: 'bearer' });
  const post = (path: string) => request(t.server).post(path).auth(flow.tokens.mit.registrar, { type: 'bearer' });

  beforeAll(async () => {
    t = await startStandalone();
    flow = await runScmFlow(t);
    await t.app.get(ReadModelProjector).waitFor(await t.store.headPosition());
  }, 60000);
  afterAll(() => t?.close());

  it('given the MicroMasters holder one semester short, when what-if adds the campus learning missing asks for, then every requirement is satisfied', async () => {
    const before = (await get(`/eligibility?learnerId=${flow.learnerId}&programId=mit-scm`).expect(200)).body;
    expect(before.requirementsSatisfied).toBe(false);
    expect(before.completion).toMatchObject({ verified: true, needsException: false });
    const needs = (before.missing as { need?: Need }[]).map((m) => m.need).filter((n): n is Need => n !== undefined);
    // never the courses the learner holds (the six MicroMasters courses are decided and bind)
    expect(needs.filter((n) => n.kind === 'course').map((n) => (n as { course: string }).course)).not.toEqual(expect.arrayContaining(['SCM.SC0x']));
    let k = 0;
    const completion = (courseId: string, credits: string, field?: string) => ({
      courseId, issuerId: 'mit', title: `what-if ${k++}`, credits, unit: 'US_SEMESTER', eqfLevel: 7, field: field ?? 'supply-chain',
      grade: { scale: 'letter', value: 'A' }, completedOn: '2026-11-01', inResidence: true, identityVerified: true,
    });
    // exactly what is asked: an MIT unit is 1/2 ECTS, a US semester credit 2 ECTS (the program's conversion), so X units are X/4 credits
    const half = (exact: string) => `${exact}/4`;
    const extra = needs.flatMap((n) => {
      switch (n.kind) {
        case 'course': return [completion(n.course, '6')];
        case 'items': return Array.from({ length: n.items }, (_, i) => completion(`MIT.EXTRA-${i}`, '6', n.matching.fields?.[0]));
        case 'credits':
        case 'total': return [completion(`MIT.${n.kind.toUpperCase()}-${k}`, half(n.credits.exact), n.matching.fields?.[0])];
        default: return [];
      }
    });
    expect(extra.length).toBeGreaterThan(0);
    const head = await t.store.headPosition();
    const after = (await post('/eligibility/what-if').send({ learnerId: flow.learnerId, programId: 'mit-scm', extraCompletions: extra }).expect(200)).body;
    expect(after).toMatchObject({ source: 'what-if', requirementsSatisfied: true, residency: { outcome: 'reduced', months: 5 } });
    expect((after.home as unknown[]).length).toBe(extra.length);
    expect(await t.store.headPosition()).toBe(head);
  });
});
