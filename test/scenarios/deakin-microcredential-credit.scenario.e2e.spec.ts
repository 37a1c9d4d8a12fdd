/**
 * Deakin University: credit for micro-credentials toward a Deakin award course (specified and
 * unspecified credit, at least one-third of the course at Deakin).
 *
 * Sources: https://policy.deakin.edu.au/document/view-current.php?id=37&version=2 (Credit For
 * Learning policy, in effect from Trimester 1 2017); https://policy.deakin.edu.au/view.current.php?id=00037
 * (Credit Transfer and Recognition Policy); https://policy.deakin.edu.au/document/view-current.php?id=5
 * (Micro-credentials policy: micro-credentials "may provide credit to a Deakin University award
 * course"); https://ounews.co/around-ou/university-news/ou-joins-futurelearn-on-microcredentials-launch/
 * (Dublin City University among FutureLearn's founding microcredential partners)
 * Facts used:
 * - "Credit may be granted as specified, unspecified, or block credit";
 * - "Credit may be granted for micro-credentials awarded by the University or select accredited
 *   institutions where the micro-credentials evidence achievement of clearly articulated learning
 *   outcomes and standards and the identity of the person receiving the micro-credential is verified";
 * - "Unspecified credit cannot be granted towards compulsory components of a course";
 * - "Students must complete a minimum of one-third of their studies in their current course, or
 *   four credit points, whichever is the greater, at Deakin".
 * Assumptions: a 12-credit-point Master of Information Technology with four 1-credit-point
 * compulsory units and 8 credit points of electives (structure is this library's), so at most 8
 * credit points of credit; Deakin credit points are written DEAKIN_CP with 15/2 ECTS each (8 a year =
 * 60 ECTS), so a 5 ECTS CMF micro-credential is worth exactly 2/3 of a credit point; Dublin City
 * University is one of the "select accredited institutions"; a Deakin cyber security
 * micro-credential is specified credit for the compulsory Cyber Security Fundamentals unit.
 * "Identity verified" is configured: the policy's identityVerifiedRequired (engine 2.0.0).
 */
import { CompletionDef } from './support/learner-case';
import { describeLearner, scenarioWorld } from './support/scenario';

const DEAKIN = 'deakin';
const DCU = 'dcu';
const PROGRAM = 'deakin-master-it';
const target = { registrar: DEAKIN, submitter: 'employer-ld', programId: PROGRAM };
const CP = { DEAKIN_CP: '15/2' };
const COMPULSORY: [string, string][] = [['cyber-fundamentals', 'SIT.CYBER-FUND'], ['software-engineering', 'SIT.SOFT-ENG'], ['professional-practice', 'SIT.PROF-PRAC'], ['it-project', 'SIT.PROJECT']];

const program = {
  id: PROGRAM,
  version: '2026',
  title: 'Deakin University Master of Information Technology',
  institution: 'Deakin University',
  creditUnit: 'DEAKIN_CP',
  conversion: CP,
  totalCredits: 12,
  admissionRequired: true,
  requirements: {
    id: 'mit',
    limits: [{ maxFraction: '2/3', filter: { source: 'transfer' }, label: 'At least one-third of the course at Deakin' }],
    allOf: [
      { id: 'compulsory', label: 'Compulsory units', allOf: COMPULSORY.map(([id, course]) => ({ id, label: course, course })) },
      { id: 'electives', label: 'Elective units (unspecified credit may count here)', credits: 8 },
    ],
  },
};

const policy = {
  id: 'deakin-credit-for-learning',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: DEAKIN,
  programId: PROGRAM,
  creditUnit: 'DEAKIN_CP',
  conversion: CP,
  acceptedIssuers: [DEAKIN, DCU],
  admissionRequired: true,
  identityVerifiedRequired: true,
  unmatched: 'elective',
  equivalencies: [{ id: 'deakin-cyber', match: { issuer: DEAKIN, code: 'deakin.MC-CYBER', kind: 'course' }, grant: { as: 'course', courseId: 'SIT.CYBER-FUND', credits: 1 } }],
  transferCap: { maxFraction: '2/3', programTotalCredits: 12 },
};

const dcu = (n: number, completedOn: string, identityVerified = true): CompletionDef => ({ key: `dcu-${n}`, issuer: DCU, courseId: `dcu.MC-${n}`, grade: { scale: 'percent', value: '72' }, completedOn, identityVerified });
const unspecified = { outcome: 'granted' as const, credits: '2/3', reason: 'ELECTIVE_CREDIT' };
const allCompulsory = COMPULSORY.map(([id]) => `mit/compulsory/${id}`);

describe('Deakin University: specified and unspecified credit for micro-credentials, one-third at Deakin', () => {
  const world = scenarioWorld({
    institutions: [
      { id: DEAKIN, name: 'Deakin University', country: 'AU', creditUnit: 'ECTS', roles: ['issuer', 'registrar'] },
      { id: DCU, name: 'Dublin City University', country: 'IE', creditUnit: 'ECTS', roles: ['issuer'] },
      { id: 'employer-ld', name: 'Employer learning team (submitting)', country: 'AU', creditUnit: 'ECTS', roles: ['submitter'] },
    ],
    async prepare(w) {
      await w.defineCourses(DCU, Array.from({ length: 13 }, (_, i) => ({ courseId: `dcu.MC-${i + 1}`, title: i === 0 ? 'Cyber security fundamentals (micro-credential, 5 ECTS)' : `DCU micro-credential ${i + 1} (5 ECTS)`, credits: '5', unit: 'ECTS' as const, eqfLevel: 7, field: 'information-technology' })));
      await w.defineCourses(DEAKIN, [{ courseId: 'deakin.MC-CYBER', title: 'Deakin micro-credential: cyber security fundamentals', credits: '7.5', unit: 'ECTS', eqfLevel: 7, field: 'information-technology' }]);
      await w.publish(DEAKIN, program, policy);
    },
  });

  describeLearner('a DCU cyber security micro-credential (5 ECTS): 2/3 credit point of unspecified credit, never toward the compulsory unit', world, target, {
    completions: [dcu(1, '2026-04-30')],
    admittedOn: '2026-07-01',
    items: { 'dcu-1': unspecified },
    program: { credits: '2/3', need: '12', requirementsSatisfied: false, missing: [...allCompulsory, 'mit/electives'] },
  });

  describeLearner('a Deakin micro-credential: specified credit for Cyber Security Fundamentals (1 credit point)', world, target, {
    completions: [{ key: 'deakin', issuer: DEAKIN, courseId: 'deakin.MC-CYBER', grade: { scale: 'percent', value: '84' }, completedOn: '2026-05-15' }],
    admittedOn: '2026-07-01',
    items: { deakin: { outcome: 'granted', credits: '1', reason: 'EQUIVALENT_COURSE', as: 'SIT.CYBER-FUND' } },
    program: { credits: '1', need: '12', requirementsSatisfied: false, satisfied: ['mit/compulsory/cyber-fundamentals'], missing: allCompulsory.slice(1), held: ['SIT.CYBER-FUND'], names: [['SIT.SOFT-ENG'], ['SIT.PROF-PRAC'], ['SIT.PROJECT']] },
  });

  describeLearner('cap binds: thirteen 5 ECTS micro-credentials (26/3 credit points); 8 credit points at most, one-third stays at Deakin', world, target, {
    completions: Array.from({ length: 13 }, (_, i) => dcu(i + 1, i < 12 ? `2025-${String(i + 1).padStart(2, '0')}-10` : '2026-01-20')),
    admittedOn: '2026-07-01',
    items: Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`dcu-${i + 1}`, i < 12 ? unspecified : { outcome: 'denied' as const, credits: '0', reason: 'CAP_EXCEEDED' }])),
    program: { credits: '8', need: '12', requirementsSatisfied: false, satisfied: ['mit/electives'], missing: allCompulsory },
  });

  describeLearner('near miss, identity not verified at assessment: the micro-credential is not credited', world, target, {
    completions: [dcu(2, '2026-03-31', false)],
    admittedOn: '2026-07-01',
    items: { 'dcu-2': { credits: '0', decideAs: { outcome: 'denied', reason: 'IDENTITY_NOT_VERIFIED' } } },
    program: { credits: '0', need: '12', requirementsSatisfied: false, missing: [...allCompulsory, 'mit/electives'] },
  });
});
