/**
 * Gies College of Business (University of Illinois Urbana-Champaign): Coursera-delivered,
 * credit-bearing graduate certificates stacked into the online MBA (iMBA).
 *
 * Sources: https://gies.illinois.edu/graduate-hub/graduate/imba-stack (stacking into the iMBA);
 * https://poetsandquants.com/2023/09/27/innovation-how-to-build-a-stackability-strategy-at-your-business-school/
 * and https://poetsandquants.com/2023/01/05/poetsquants-mba-program-of-the-year-for-2022/ (graduate certificates);
 * https://www.insidehighered.com/news/2015/05/05/u-illinois-urbana-champaign-offer-online-mba-through-coursera
 * Facts used:
 * - the iMBA is a 72-credit-hour degree; credit stacked from a Gies management master's is 36
 *   hours (50% of the 72), from a non-management master's 24 (33%);
 * - "You must still apply to the iMBA program, and all admission requirements must be met ...
 *   Admission is not guaranteed"; credit is applied "upon acceptance" (three years of full-time
 *   work experience is an admission requirement, recorded here as the admission decision);
 * - the graduate certificates are 12-credit-hour, fully online and credit-bearing, "earning credit
 *   that can be applied toward any of its three online degree programs", e.g. Strategic Leadership
 *   & Management; courses can be taken individually for credit.
 * Assumptions: a certificate is three 4-credit-hour courses that are iMBA courses (course ids
 * gies.SLM-1..3 are this library's); courses count individually, so an unfinished certificate
 * still carries the credit of its passed courses; a course counts with a grade of C or better
 * (no published figure; conservative); at most 36 hours stack from certificates (the largest
 * published stack, 50%).
 */
import { CompletionDef, CredentialDef } from './support/learner-case';
import { describeLearner, scenarioWorld } from './support/scenario';

const GIES = 'gies';
const PROGRAM = 'gies-imba';
const target = { registrar: GIES, submitter: 'employer-tuition-office', programId: PROGRAM };
const SLM = ['SLM-1', 'SLM-2', 'SLM-3'];
const TITLES: Record<string, string> = { 'SLM-1': 'Leading Teams', 'SLM-2': 'Strategic Management', 'SLM-3': 'Leadership and Ethics' };

const program = {
  id: PROGRAM,
  version: '2026-2027',
  title: 'Gies College of Business online MBA (iMBA)',
  institution: 'Gies College of Business, University of Illinois Urbana-Champaign',
  creditUnit: 'US_SEMESTER',
  totalCredits: 72,
  admissionRequired: true,
  requirements: {
    id: 'imba',
    limits: [{ maxCredits: 36, filter: { source: 'transfer' }, label: 'At most 36 hours stacked (50%)' }],
    allOf: [
      { id: 'leadership', label: 'Strategic leadership and management courses', allOf: SLM.map((k) => ({ id: k.toLowerCase(), label: TITLES[k], course: `GIES.${k}` })) },
      { id: 'further-courses', label: 'Further iMBA courses', credits: 54, filter: { source: 'home' } },
      { id: 'capstone', label: 'iMBA capstone', course: 'GIES.CAPSTONE', filter: { source: 'home' } },
    ],
  },
};

const policy = {
  id: 'gies-certificate-stacking',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: GIES,
  programId: PROGRAM,
  creditUnit: 'US_SEMESTER',
  acceptedIssuers: [GIES],
  admissionRequired: true,
  minGrade: 'C',
  equivalencies: SLM.map((k) => ({ id: k.toLowerCase(), match: { issuer: GIES, code: `gies.${k}`, kind: 'course' as const }, grant: { as: 'course' as const, courseId: `GIES.${k}`, credits: 4 } })),
  transferCap: { maxCredits: 36 },
};

const course = (key: string, grade: string, month: number): CompletionDef => ({ key, issuer: GIES, courseId: `gies.${key}`, grade: { scale: 'letter', value: grade }, completedOn: `2026-0${month}-20` });
const certificate = (over: string[], complete: boolean): CredentialDef => ({
  key: 'CERT', issuer: GIES, type: 'micro-credential', code: 'GIES-GC-SLM', title: 'Graduate Certificate in Strategic Leadership and Management', over, complete, issuedOn: '2026-07-31', eqfLevel: 7, workload: { credits: '12', unit: 'US_SEMESTER' },
});
const granted = (k: string) => ({ outcome: 'granted' as const, credits: '4', reason: 'EQUIVALENT_COURSE', as: `GIES.${k}` });
const certificateItem = { outcome: 'recognized' as const, credits: '0', reason: 'RECOGNIZED_THROUGH_COMPONENTS' };
const rest = ['imba/further-courses', 'imba/capstone'];

describe('Gies iMBA: credit-bearing graduate certificates applied upon admission', () => {
  const world = scenarioWorld({
    institutions: [
      { id: GIES, name: 'Gies College of Business', country: 'US', creditUnit: 'US_SEMESTER', roles: ['issuer', 'registrar'] },
      { id: 'employer-tuition-office', name: 'Employer education office (submitting for the learner)', country: 'US', creditUnit: 'US_SEMESTER', roles: ['submitter'] },
    ],
    async prepare(w) {
      await w.defineCourses(GIES, SLM.map((k) => ({ courseId: `gies.${k}`, title: TITLES[k], credits: '4', unit: 'US_SEMESTER' as const, eqfLevel: 7, field: 'business' })));
      await w.publish(GIES, program, policy);
    },
  });

  describeLearner('certificate earned, admitted: 12 hours, the three courses count as the iMBA courses they are', world, target, {
    completions: [course('SLM-1', 'A', 2), course('SLM-2', 'A-', 4), course('SLM-3', 'B+', 6)],
    credentials: [certificate(SLM, true)],
    admittedOn: '2026-08-15',
    items: { 'SLM-1': granted('SLM-1'), 'SLM-2': granted('SLM-2'), 'SLM-3': granted('SLM-3'), CERT: certificateItem },
    program: { credits: '12', need: '72', requirementsSatisfied: false, admitted: true, satisfied: ['imba/leadership'], missing: rest, held: ['GIES.SLM-1', 'GIES.SLM-2', 'GIES.SLM-3'] },
    then: {
      title: 'SLM-3 is regraded to D after the decision (below the C minimum): flagged, binding until revised; revised, it no longer counts and the answer asks for it',
      issuer: GIES,
      async change(w, run) {
        await w.post(GIES, 'issuer', `/learners/${run.learnerId}/completions/${run.ids['SLM-3']}/corrections`, { grade: { scale: 'letter', value: 'D' }, reason: 'grading error corrected' });
      },
      affected: ['SLM-3'],
      items: { 'SLM-1': granted('SLM-1'), 'SLM-2': granted('SLM-2'), 'SLM-3': { outcome: 'denied', credits: '0', reason: 'BELOW_MIN_GRADE' }, CERT: certificateItem },
      program: { credits: '8', need: '72', requirementsSatisfied: false, missing: ['imba/leadership/slm-3', ...rest], held: ['GIES.SLM-1', 'GIES.SLM-2'], names: [['GIES.SLM-3', 'Leadership and Ethics']] },
    },
  });

  describeLearner('two of three courses, certificate not finished: course credit still counts (8 hours); the answer asks for the third course only', world, target, {
    completions: [course('SLM-1', 'A', 2), course('SLM-2', 'B', 4)],
    admittedOn: '2026-08-15',
    items: { 'SLM-1': granted('SLM-1'), 'SLM-2': granted('SLM-2') },
    program: { credits: '8', need: '72', requirementsSatisfied: false, missing: ['imba/leadership', ...rest], held: ['GIES.SLM-1', 'GIES.SLM-2'], names: [['GIES.SLM-3', 'Leadership and Ethics']] },
  });

  describeLearner('near miss, a grade below the minimum (D in one course): that course does not count', world, target, {
    completions: [course('SLM-1', 'A', 2), course('SLM-2', 'D', 4), course('SLM-3', 'B', 6)],
    admittedOn: '2026-08-15',
    items: { 'SLM-1': granted('SLM-1'), 'SLM-2': { outcome: 'denied', credits: '0', reason: 'BELOW_MIN_GRADE' }, 'SLM-3': granted('SLM-3') },
    program: { credits: '8', need: '72', requirementsSatisfied: false, missing: ['imba/leadership', ...rest], held: ['GIES.SLM-1', 'GIES.SLM-3'], names: [['GIES.SLM-2', 'Strategic Management']] },
  });

  describeLearner('near miss, not admitted (request evaluated, not decided): nothing is applied before acceptance', world, target, {
    completions: [course('SLM-1', 'A', 2), course('SLM-2', 'A', 4), course('SLM-3', 'A', 6)],
    credentials: [certificate(SLM, true)],
    decide: false,
    items: Object.fromEntries([...SLM, 'CERT'].map((k) => [k, k === 'CERT' ? { credits: '0' } : { outcome: 'denied' as const, credits: '0', reason: 'ADMISSION_REQUIRED' }])),
    program: { credits: '0', need: '72', requirementsSatisfied: false, admitted: false, missing: ['imba/leadership', ...rest] },
  });
});
