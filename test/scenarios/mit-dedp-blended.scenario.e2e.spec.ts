/**
 * MIT Master's in Data, Economics, and Design of Policy (DEDP): a program that exists only in its
 * blended form, whose credit rests on proctored, identity-verified exams (issue 21, items 1 and 5).
 *
 * Sources: https://micromasters.mit.edu/dedp/frequently-asked-questions/ and the department's
 * admission FAQ, https://economics.mit.edu/academic-programs/masters-programs/masters-data-economics-and-development-policy-dedp/frequently
 * Facts used:
 * - the DEDP MicroMasters credential is three core courses (Microeconomics, Data Analysis for
 *   Social Scientists, Designing and Running Randomized Evaluations) and two of three electives
 *   (The Challenges of Global Poverty, Foundations of Development Policy, Political Economy and
 *   Economic Development), each passed online and by its proctored exam;
 * - "you cannot apply to the DEDP Master's program if you do not hold the full MicroMasters
 *   credential": there is no standard route; the credential does not expire;
 * - admitted students earn MIT credit for the MicroMasters courses and arrive on campus in January
 *   for one semester.
 * Assumptions (not published there): each course is credited as a 12-unit MIT subject; the
 * on-campus semester is 48 units (108 in all); MITx records the courses as 4 US semester credits;
 * the recognition policy is this library's reading of "MIT credit for the MicroMasters courses".
 */
import { describeLearner, scenarioWorld } from './support/scenario';
import { CompletionDef, CredentialDef, pollEligibility, runCase } from './support/learner-case';

const MIT = 'mit';
const MITX = 'mitx';
const PROGRAM = 'mit-dedp';
const target = { registrar: MIT, submitter: 'uni-nairobi', programId: PROGRAM };

const COURSES: Record<string, { title: string; mit: string }> = {
  '14.100x': { title: 'Microeconomics', mit: 'MIT.14.100' },
  '14.310x': { title: 'Data Analysis for Social Scientists', mit: 'MIT.14.310' },
  JPAL102x: { title: 'Designing and Running Randomized Evaluations', mit: 'MIT.JPAL102' },
  '14.73x': { title: 'The Challenges of Global Poverty', mit: 'MIT.14.73' },
  '14.740x': { title: 'Foundations of Development Policy', mit: 'MIT.14.740' },
  '14.750x': { title: 'Political Economy and Economic Development', mit: 'MIT.14.750' },
};
const CORE = ['14.100x', '14.310x', 'JPAL102x'];
const ELECTIVES = ['14.73x', '14.740x', '14.750x'];
const mitxCourse = (code: string): string => `mitx.${code}`;
const proctored = { assessmentTypes: ['proctored-exam'], identityVerified: true };

const program = {
  id: PROGRAM,
  version: '2026-2027',
  title: "Master's in Data, Economics, and Design of Policy (blended)",
  institution: 'MIT Department of Economics',
  creditUnit: 'MIT_UNIT',
  conversion: { MIT_UNIT: '2/3' },
  totalCredits: 108,
  admissionRequired: true,
  requirements: {
    id: 'dedp',
    allOf: [
      {
        id: 'micromasters',
        label: 'DEDP MicroMasters courses, each passed by its proctored exam with identity verified',
        allOf: [
          ...CORE.map((code) => ({ id: `core-${code.replace(/\W/g, '')}`, label: COURSES[code].title, course: COURSES[code].mit, filter: proctored })),
          { id: 'electives', label: 'Two of the three electives', count: 2, filter: { courses: ELECTIVES.map((c) => COURSES[c].mit), ...proctored } },
        ],
      },
      { id: 'campus-semester', label: 'Spring semester on campus', credits: 48, filter: { source: 'home', inResidence: true } },
    ],
  },
  residency: {
    reducedPathways: [
      {
        id: 'blended',
        label: 'DEDP MicroMasters credential holders (the only route)',
        requires: [{ credential: { code: 'MITx-DEDP-MM', issuer: MITX } }],
        residency: { terms: 1, months: 5, description: 'One spring semester on campus, January to May' },
      },
    ],
  },
};

const policy = {
  id: 'mit-dedp-recognition',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: MIT,
  programId: PROGRAM,
  creditUnit: 'MIT_UNIT',
  conversion: { MIT_UNIT: '2/3' },
  acceptedIssuers: [MITX],
  admissionRequired: true,
  credentials: [{ id: 'dedp-micromasters', match: { issuer: MITX, code: 'MITx-DEDP-MM' }, recognize: 'components' }],
  equivalencies: Object.entries(COURSES).map(([code, c]) => ({
    id: `mitx-${code.replace(/\W/g, '')}`,
    match: { issuer: MITX, code: mitxCourse(code), kind: 'course' },
    grant: { as: 'course', courseId: c.mit, credits: 12 },
    assessmentTypes: ['proctored-exam'],
    identityVerifiedRequired: true,
  })),
};

const pct = (value: number) => ({ scale: 'percent' as const, value: String(value) });
const completions = (codes: string[], changes: Record<string, Partial<CompletionDef>> = {}): CompletionDef[] =>
  codes.map((code, i) => ({ key: code, issuer: MITX, courseId: mitxCourse(code), grade: pct(78 + i), completedOn: `2025-${String(3 + i).padStart(2, '0')}-20`, ...changes[code] }));
const credential = (over: string[], complete = true): CredentialDef => ({
  key: 'MM', issuer: MITX, type: 'MicroMasters', code: 'MITx-DEDP-MM', title: 'MicroMasters Program in Data, Economics, and Design of Policy',
  over, complete, issuedOn: '2025-09-01', eqfLevel: 7, workload: { credits: '20', unit: 'US_SEMESTER' },
});
const FIVE = [...CORE, '14.73x', '14.740x'];
const granted = (code: string) => ({ outcome: 'granted' as const, credits: '12', reason: 'EQUIVALENT_COURSE', as: COURSES[code].mit });
const mmItem = { outcome: 'recognized' as const, credits: '0', reason: 'RECOGNIZED_THROUGH_COMPONENTS' };

describe('MIT DEDP blended master: proctored, identity-verified MicroMasters courses; no standard route', () => {
  const world = scenarioWorld({
    institutions: [
      { id: MIT, name: 'Massachusetts Institute of Technology', country: 'US', creditUnit: 'US_SEMESTER', roles: ['registrar'] },
      { id: MITX, name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER', roles: ['issuer'] },
      { id: 'uni-nairobi', name: 'University of Nairobi', country: 'KE', creditUnit: 'US_SEMESTER', roles: ['submitter'] },
    ],
    async prepare(w) {
      await w.defineCourses(MITX, Object.entries(COURSES).map(([code, c]) => ({
        courseId: mitxCourse(code), title: c.title, credits: '4', unit: 'US_SEMESTER', eqfLevel: 7, field: 'economics', assessmentType: 'proctored-exam',
      })));
      await w.publish(MIT, program, policy);
    },
  });

  describeLearner('complete credential, admitted: five MIT subjects (60 units), the credential as the pathway credential, one semester on campus', world, target, {
    completions: completions(FIVE),
    credentials: [credential(FIVE)],
    admittedOn: '2026-03-10',
    items: { ...Object.fromEntries(FIVE.map((k) => [k, granted(k)])), MM: mmItem },
    program: {
      credits: '60', need: '108', requirementsSatisfied: false, admitted: true,
      satisfied: ['dedp/micromasters'], missing: ['dedp/campus-semester'],
      residency: { outcome: 'reduced', pathway: 'blended', months: 5 },
      residencyBecause: ['MITx-DEDP-MM'],
    },
  });

  describeLearner('near miss, one elective passed online without its proctored exam, no credential: that course refused (ASSESSMENT_NOT_ACCEPTED), not eligible for the program', world, target, {
    completions: completions(FIVE, { '14.740x': { assessmentType: 'online-assessment' } }),
    admittedOn: '2026-03-10',
    items: { ...Object.fromEntries(FIVE.slice(0, 4).map((k) => [k, granted(k)])), '14.740x': { outcome: 'denied', credits: '0', reason: 'ASSESSMENT_NOT_ACCEPTED' } },
    program: {
      credits: '48', need: '108', requirementsSatisfied: false,
      missing: ['dedp/micromasters/electives', 'dedp/campus-semester'],
      residency: { outcome: 'not-eligible', pathway: null },
    },
  });

  describeLearner('near miss, a core exam sat without identity verification: refused (IDENTITY_NOT_VERIFIED); the credential is complete, so the pathway stays open', world, target, {
    completions: completions(FIVE, { '14.310x': { identityVerified: false } }),
    credentials: [credential(FIVE)],
    admittedOn: '2026-03-10',
    items: { ...Object.fromEntries(FIVE.filter((k) => k !== '14.310x').map((k) => [k, granted(k)])), '14.310x': { outcome: 'denied', credits: '0', reason: 'IDENTITY_NOT_VERIFIED' }, MM: mmItem },
    program: {
      credits: '48', need: '108', requirementsSatisfied: false,
      missing: ['dedp/micromasters/core-14310x', 'dedp/campus-semester'],
      residency: { outcome: 'reduced', pathway: 'blended', months: 5 },
    },
  });

  describe('a registrar who grants the unproctored course anyway: the decision binds, the program rule still asks for a proctored exam', () => {
    it('the course is granted as decided, and the elective rule says why it does not count (ASSESSMENT_NOT_ACCEPTED)', async () => {
      const w = world();
      const run = await runCase(w, target, {
        completions: completions(FIVE, { '14.740x': { assessmentType: 'online-assessment' } }),
        credentials: [credential(FIVE)],
        admittedOn: '2026-03-10',
        items: Object.fromEntries(FIVE.map((k) => [k, granted(k)])),
        submit: FIVE,
      });
      const entry = run.eligibility.recognized.find((r) => r.itemId.endsWith(run.ids['14.740x']));
      expect({ decision: entry?.decision, basis: (entry as { basis?: string } | undefined)?.basis }).toEqual({ decision: 'granted', basis: 'decided' });
      const electives = run.eligibility.missing.find((m) => m.rulePath === 'dedp/micromasters/electives');
      expect(electives?.notes?.some((n) => n.includes('Foundations of Development Policy') && n.includes('ASSESSMENT_NOT_ACCEPTED'))).toBe(true);
      expect(run.eligibility.residency).toEqual(expect.objectContaining({ outcome: 'reduced', months: 5 }));
    });
  });

  describe('what-if and the explanation for a learner no route admits', () => {
    it('what-if with the complete credential turns "not eligible" into the blended route', async () => {
      const w = world();
      const run = await runCase(w, target, { completions: completions(FIVE), items: Object.fromEntries(FIVE.map((k) => [k, granted(k)])), decide: false, admittedOn: '2026-03-10' });
      expect(run.eligibility.residency).toEqual(expect.objectContaining({ outcome: 'not-eligible', pathway: null, standard: null }));
      expect(run.eligibility.explanation.some((l) => l.startsWith('Not eligible for this program'))).toBe(true);
      expect(run.eligibility.missing.some((m) => m.message.startsWith('Not eligible for this program') && m.message.includes('MITx-DEDP-MM'))).toBe(true);
      const whatIf = await w.post(MIT, 'registrar', '/eligibility/what-if', {
        learnerId: run.learnerId, programId: PROGRAM,
        extraCredentials: [{ type: 'MicroMasters', code: 'MITx-DEDP-MM', issuerId: MITX, title: 'MicroMasters Program in Data, Economics, and Design of Policy', credits: '20', unit: 'US_SEMESTER', eqfLevel: 7, complete: true, issuedOn: '2025-09-01' }],
      }, { expected: [200] });
      const answer = whatIf.body as { residency: { outcome: string; pathway: { id: string } | null; months: number | null } };
      expect(answer.residency).toEqual(expect.objectContaining({ outcome: 'reduced', pathway: expect.objectContaining({ id: 'blended' }), months: 5 }));
      const again = await pollEligibility(w, target, run.learnerId, run.eligibility.upToPosition);
      expect(again.residency.outcome).toBe('not-eligible');
    });
  });

  describe('refusals at publication', () => {
    const publish = (definition: Record<string, unknown>) => world().post(MIT, 'registrar', `/programs/${PROGRAM}/versions`, { definition }, { expected: [400] });
    const pointers = (body: unknown): string[] => JSON.stringify(body).match(/"(?:pointer|path)":"([^"]*)"/g) ?? [];

    it('an assessment type outside the records vocabulary is a 400 pointing at it', async () => {
      const bad = { ...program, version: '2027-2028', requirements: { id: 'dedp', course: 'MIT.14.100', filter: { assessmentTypes: ['proctored'] } } };
      const res = await publish(bad);
      expect(pointers(res.body).join(' ')).toContain('/requirements/filter/assessmentTypes/0');
    });

    it('residency with neither a standard route nor a pathway is a 400 at /residency', async () => {
      const res = await publish({ ...program, version: '2027-2028', residency: { reducedPathways: [] } });
      expect(pointers(res.body).join(' ')).toContain('/residency');
    });

    it('a policy equivalency that asks for an unknown assessment type is a 400 pointing at it', async () => {
      const bad = { ...policy, version: '2027.1', equivalencies: [{ ...policy.equivalencies[0], assessmentTypes: ['in-person'] }] };
      const res = await world().post(MIT, 'registrar', `/policies/${policy.id}/versions`, { definition: bad }, { expected: [400] });
      expect(pointers(res.body).join(' ')).toContain('/equivalencies/0/assessmentTypes/0');
    });
  });
});
