/**
 * One spelling per item (issue 21 item 4), over HTTP, on a real pathway: Zaragoza Logistics
 * Center's blended master (ZLOGb) for holders of the MITx SCM MicroMasters, as
 * test/scenarios/zaragoza-logistics-blended.scenario.e2e.spec.ts models it from
 * https://www.zlc.edu.es/es/educacion/blended-mit-zaragoza-masters/ (program and policy in
 * test/scenarios/support/zaragoza-zlog.ts; MITx facts in test/scenarios/support/mitx-scm.ts).
 * Added here (this file's assumption): ZLC records the learner's January at MIT (ZLC.MIT-JANUARY,
 * 6 ECTS, on campus), a course of its own taken in residence.
 *
 * One learner: six MITx completions, the complete MicroMasters, January at MIT; a request with the
 * credential and one component, decided as proposed. Every answer that names a piece of that
 * evidence (the request, the ledger, eligibility current / as-of / what-if, the queue, audit history
 * and reproduction) names it `completion:<id>` or `credential:<id>`, the spelling of the request
 * and the ledger; a hypothetical what-if item is `what-if:completion:<n>` / `what-if:credential:<n>`.
 * No prose in any answer (a message, a note, an explanation, a reason) carries an internal id
 * (`recognized:…`, `home:…`) or a bare UUID: items are named by title and code.
 */
import { MITX, scmCompletions, scmCourses, scmCredential } from './scenarios/support/mitx-scm';
import { lastPosition, pollEligibility, Proposal, RequestView } from './scenarios/support/learner-case';
import { HttpAnswer, ScenarioWorld } from './scenarios/support/world';
import { PROGRAM, program, policy, ZLC } from './scenarios/support/zaragoza-zlog';

const SUBMITTER = 'uni-porto';
const target = { registrar: ZLC, submitter: SUBMITTER, programId: PROGRAM };
const ALL = ['SC0x', 'SC1x', 'SC2x', 'SC3x', 'SC4x', 'CFx'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const INTERNAL = /\b(recognized|home):/;

/** Every `itemId` / `itemIds` / `affectedItems` value anywhere in an answer, with where it is (JSON pointer). */
function itemIdsIn(value: unknown, at = ''): { at: string; id: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => itemIdsIn(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const here = `${at}/${k}`;
    if (k === 'itemId' && typeof v === 'string') return [{ at: here, id: v }];
    if ((k === 'itemIds' || k === 'affectedItems') && Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map((id, i) => ({ at: `${here}/${i}`, id }));
    return itemIdsIn(v, here);
  });
}

/** Every prose string of an answer (a string with a space: messages, notes, explanations, reasons), with where it is. */
function proseIn(value: unknown, at = ''): { at: string; text: string }[] {
  if (typeof value === 'string') return value.includes(' ') ? [{ at, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => proseIn(v, `${at}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => proseIn(v, `${at}/${k}`));
}

describe('one spelling per item: ZLC blended master (ZLOGb), the same evidence under the same id in every answer', () => {
  let world: ScenarioWorld;
  const ids: Record<string, string> = {};
  const answers: Record<string, unknown> = {};
  let learnerId = '';
  let requestId = '';

  const get = (role: 'registrar' | 'auditor' | 'submitter', path: string, institution = ZLC): Promise<HttpAnswer> => world.get(institution, role, path);

  beforeAll(async () => {
    world = await ScenarioWorld.start({ PROJECTOR_THREAD: 'main' });
    await world.institutions([
      { id: ZLC, name: 'Zaragoza Logistics Center', country: 'ES', creditUnit: 'ECTS', roles: ['registrar', 'issuer'] },
      { id: MITX, name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER', roles: ['issuer'] },
      { id: SUBMITTER, name: 'Universidade do Porto', country: 'PT', creditUnit: 'ECTS', roles: ['submitter'] },
    ]);
    await world.auditor(ZLC, [ZLC]);
    await world.defineCourses(MITX, scmCourses());
    await world.defineCourses(ZLC, [{ courseId: 'ZLC.MIT-JANUARY', title: 'January at MIT', credits: '6', unit: 'ECTS', eqfLevel: 7, field: 'supply-chain', assessmentType: 'project' }]);
    await world.publish(ZLC, program, policy);

    learnerId = ((await world.post(MITX, 'issuer', '/learners', {})).body as { id: string }).id;
    for (const c of scmCompletions(ALL, 2025, 1)) {
      ids[c.key] = ((await world.post(MITX, 'issuer', `/learners/${learnerId}/completions`, { courseId: c.courseId, grade: c.grade, identityVerified: true, completedOn: c.completedOn })).body as { id: string }).id;
    }
    const mm = scmCredential(ALL, '2025-08-01');
    ids.MM = ((await world.post(MITX, 'issuer', `/learners/${learnerId}/credentials`, {
      type: mm.type, code: mm.code, title: mm.title, issuedOn: mm.issuedOn, learningOutcomes: [`Outcomes of ${mm.title}`], workload: mm.workload, eqfLevel: mm.eqfLevel,
      assessmentType: 'proctored-exam', participation: 'online', qualityAssurance: 'issuer internal review', completionIds: ALL.map((k) => ids[k]), complete: true,
    })).body as { id: string }).id;
    ids.JAN = ((await world.post(ZLC, 'issuer', `/learners/${learnerId}/completions`, { courseId: 'ZLC.MIT-JANUARY', grade: { scale: 'letter', value: 'A' }, identityVerified: true, completedOn: '2026-01-30', inResidence: true })).body as { id: string }).id;
    await world.post(ZLC, 'registrar', '/admissions', { learnerId, programId: PROGRAM, decidedOn: '2025-09-15' });

    requestId = ((await world.post(SUBMITTER, 'submitter', '/transfer-requests', { learnerId, receivingInstitution: ZLC, programId: PROGRAM, evidence: { completionIds: [ids.SC0x], credentialIds: [ids.MM] } })).body as { id: string }).id;
    const evaluated = await get('registrar', `/transfer-requests/${requestId}`);
    const proposals = (evaluated.body as RequestView).evaluation?.proposals ?? [];
    const asProposed = (p: Proposal) => ({
      itemId: p.itemId, outcome: p.decision, reasonCode: p.reasons[0],
      ...(p.decision === 'granted' || p.decision === 'partially-granted' ? { credits: String(p.creditsGranted) } : {}),
    });
    await world.post(ZLC, 'registrar', `/transfer-requests/${requestId}/decision`, { items: proposals.map(asProposed) }, { ifMatch: evaluated.headers.etag });
    const request = await get('registrar', `/transfer-requests/${requestId}`);
    const decidedAt = lastPosition(request.body as RequestView);
    answers.request = request.body;
    answers.eligibility = await pollEligibility(world, target, learnerId, decidedAt);
    answers.asOf = (await get('registrar', `/eligibility?learnerId=${learnerId}&programId=${PROGRAM}&asOf=${decidedAt}`)).body;
    answers.whatIf = (await world.post(ZLC, 'registrar', '/eligibility/what-if', {
      learnerId, programId: PROGRAM,
      extraCompletions: [{ courseId: 'ZLC.CAPSTONE', issuerId: ZLC, title: 'Capstone research project', credits: '12', unit: 'ECTS', eqfLevel: 7, field: 'supply-chain', grade: { scale: 'letter', value: 'A' }, completedOn: '2026-05-29', inResidence: true }],
      extraCredentials: [{ type: 'digital-badge', code: 'ZLC-LEAN', title: 'Lean logistics badge', issuerId: 'zlc-partner', credits: '2', unit: 'ECTS', eqfLevel: 6, issuedOn: '2026-06-01', complete: true }],
    }, { expected: [200] })).body;
    answers.ledger = (await get('registrar', `/ledger/${learnerId}`)).body;
    answers.ledgerAsOf = (await get('registrar', `/ledger/${learnerId}?asOf=${decidedAt}`)).body;
    answers.queue = (await get('registrar', '/queue')).body;
    answers.submissions = (await get('submitter', '/submissions', SUBMITTER)).body;
    answers.historyLearner = (await get('auditor', `/audit/history/learner/${learnerId}?limit=500`)).body;
    answers.historyRequest = (await get('auditor', `/audit/history/request/${requestId}?limit=500`)).body;
    answers.reproduction = (await get('registrar', `/audit/requests/${requestId}/reproduction`)).body;
  }, 60_000);
  afterAll(() => world?.close());

  const spelled = (key: string): string => `${key === 'MM' ? 'credential' : 'completion'}:${ids[key]}`;
  const known = (): Set<string> => new Set(Object.keys(ids).map(spelled));

  it('every item id in every answer is the request\'s and the ledger\'s spelling of a piece of the learner\'s evidence', () => {
    const hypothetical = /^what-if:(completion|credential):\d+$/;
    const offending = Object.entries(answers).flatMap(([name, body]) =>
      itemIdsIn(body).filter(({ id }) => !known().has(id) && !(name === 'whatIf' && hypothetical.test(id))).map(({ at, id }) => `${name}${at}: ${id}`));
    expect(offending).toEqual([]);
  });

  it('the same evidence has the same id in the request, the ledger, eligibility (current, as-of, what-if), history and reproduction', () => {
    const submitted = [spelled('SC0x'), spelled('MM')].sort();
    const ofEligibility = (e: unknown) => {
      const answer = e as { recognized: { itemId: string }[]; home: { itemId: string }[] };
      return { recognized: answer.recognized.map((r) => r.itemId).sort(), home: answer.home.map((h) => h.itemId).sort() };
    };
    const recognizedNow = [...ALL.map(spelled), spelled('MM')].sort();
    const request = answers.request as { request: { items: { itemId: string }[] }; evaluation: { proposals: { itemId: string }[]; programEvaluation: { claims: { itemId: string }[] } }; decisions: { itemId: string }[] };
    expect({
      request: request.request.items.map((i) => i.itemId).sort(),
      proposals: request.evaluation.proposals.map((p) => p.itemId).sort(),
      claims: [...new Set(request.evaluation.programEvaluation.claims.map((c) => c.itemId))].sort(),
      decisions: request.decisions.map((d) => d.itemId).sort(),
      ledger: (answers.ledger as { entries: { itemId: string }[] }).entries.map((e) => e.itemId).sort(),
      ledgerAsOf: (answers.ledgerAsOf as { entries: { itemId: string }[] }).entries.map((e) => e.itemId).sort(),
      eligibility: ofEligibility(answers.eligibility),
      asOf: ofEligibility(answers.asOf),
      whatIf: ofEligibility(answers.whatIf),
      reproduction: (answers.reproduction as { decisions: { itemId: string }[] }).decisions.map((d) => d.itemId).sort(),
      historyNamesRequestItems: submitted.every((id) => itemIdsIn(answers.historyRequest).some((x) => x.id === id)),
    }).toEqual({
      request: submitted,
      proposals: submitted,
      claims: [spelled('MM')],
      decisions: submitted,
      ledger: submitted,
      ledgerAsOf: submitted,
      eligibility: { recognized: recognizedNow, home: [spelled('JAN')] },
      asOf: { recognized: recognizedNow, home: [spelled('JAN')] },
      whatIf: { recognized: [...recognizedNow, 'what-if:credential:0'].sort(), home: [spelled('JAN'), 'what-if:completion:0'].sort() },
      reproduction: submitted,
      historyNamesRequestItems: true,
    });
  });

  it('no message, note, explanation or reason in any answer carries an internal id or a bare UUID', () => {
    const offending = Object.entries(answers).flatMap(([name, body]) =>
      proseIn(body).filter(({ text }) => INTERNAL.test(text) || UUID.test(text)).map(({ at, text }) => `${name}${at}: ${text}`));
    expect(offending).toEqual([]);
  });

  it('the decided request still reproduces identically', () => {
    expect(answers.reproduction).toMatchObject({ identical: true, evidenceChangesIdentical: true });
  });
});
