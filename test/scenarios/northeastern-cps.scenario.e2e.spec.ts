/**
 * Northeastern University, College of Professional Studies: a CPS graduate certificate used to
 * satisfy the requirements of a graduate degree (the seven-year rule).
 *
 * Source: https://catalog.northeastern.edu/graduate/professional-studies/academic-policies-procedures/seeking-more-than-one-certificate-or-degree
 * Facts used:
 * - "With specified exception, a certificate earned at the College of Professional Studies may be
 *   used to satisfy the requirements of a graduate degree, if the contents are determined to be
 *   applicable per the program director and if the credits were earned within seven years of
 *   pursuit of the degree";
 * - graduate credits earned toward "a degree at any institution may not be used to satisfy the
 *   requirements of another graduate program".
 * Assumptions: a 45-quarter-hour MS in Project Management whose four 4-QH core courses are the
 * courses of the graduate certificate in project management (course ids are this library's); the
 * program director finds them applicable; the credit counts course by course (the certificate
 * itself adds nothing); admission to the MS is required; "within seven years of pursuit of the
 * degree" is evaluated at the request date.
 */
import { CompletionDef, CredentialDef } from './support/learner-case';
import { describeLearner, scenarioWorld } from './support/scenario';

const NEU = 'northeastern-cps';
const PROGRAM = 'neu-cps-ms-project-management';
const target = { registrar: NEU, submitter: 'employer-tuition', programId: PROGRAM };
const PJM = ['PJM-1', 'PJM-2', 'PJM-3', 'PJM-4'];

const program = {
  id: PROGRAM,
  version: '2026-2027',
  title: 'Northeastern CPS MS in Project Management',
  institution: 'Northeastern University College of Professional Studies',
  creditUnit: 'US_QUARTER',
  totalCredits: 45,
  admissionRequired: true,
  requirements: {
    id: 'ms-pm',
    allOf: [
      { id: 'core', label: 'Project management core (the certificate courses)', allOf: PJM.map((k) => ({ id: k.toLowerCase(), label: `NEU.${k}`, course: `NEU.${k}` })) },
      { id: 'further-courses', label: 'Further MS courses', credits: 29, filter: { source: 'home' } },
    ],
  },
};

const policy = {
  id: 'neu-cps-certificate-to-degree',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: NEU,
  programId: PROGRAM,
  creditUnit: 'US_QUARTER',
  acceptedIssuers: [NEU],
  admissionRequired: true,
  completeCredentialRequired: true,
  maxAgeYears: 7,
  equivalencies: PJM.map((k) => ({ id: k.toLowerCase(), match: { issuer: NEU, code: `neu.${k}`, kind: 'course' as const }, grant: { as: 'course' as const, courseId: `NEU.${k}`, credits: 4 } })),
};

const done = (k: string, completedOn: string): CompletionDef => ({ key: k, issuer: NEU, courseId: `neu.${k}`, grade: { scale: 'letter', value: 'B+' }, completedOn });
const certificate = (issuedOn: string): CredentialDef => ({
  key: 'CERT', issuer: NEU, type: 'micro-credential', code: 'NEU-GC-PJM', title: 'Graduate Certificate in Project Management', over: PJM, complete: true, issuedOn, eqfLevel: 7, workload: { credits: '16', unit: 'US_QUARTER' },
});
const credited = (k: string) => ({ outcome: 'granted' as const, credits: '4', reason: 'EQUIVALENT_COURSE', as: `NEU.${k}` });
const expired = { outcome: 'denied' as const, credits: '0', reason: 'TOO_OLD' };
const certificateItem = { outcome: 'recognized' as const, credits: '0', reason: 'RECOGNIZED_THROUGH_COMPONENTS' };

describe('Northeastern CPS: a graduate certificate applied to the MS when its credits are under seven years old', () => {
  const world = scenarioWorld({
    institutions: [
      { id: NEU, name: 'Northeastern University College of Professional Studies', country: 'US', creditUnit: 'US_QUARTER', roles: ['issuer', 'registrar'] },
      { id: 'employer-tuition', name: 'Employer tuition office (submitting)', country: 'US', creditUnit: 'US_QUARTER', roles: ['submitter'] },
    ],
    async prepare(w) {
      await w.defineCourses(NEU, PJM.map((k) => ({ courseId: `neu.${k}`, title: `Project management course ${k}`, credits: '4', unit: 'US_QUARTER' as const, eqfLevel: 7, field: 'project-management' })));
      await w.publish(NEU, program, policy);
    },
  });

  describeLearner('certificate earned in 2025: its four courses satisfy the MS core (16 QH)', world, target, {
    completions: [done('PJM-1', '2024-03-15'), done('PJM-2', '2024-06-15'), done('PJM-3', '2024-12-15'), done('PJM-4', '2025-03-15')],
    credentials: [certificate('2025-04-01')],
    admittedOn: '2026-09-01',
    items: { ...Object.fromEntries(PJM.map((k) => [k, credited(k)])), CERT: certificateItem },
    program: { credits: '16', need: '45', requirementsSatisfied: false, satisfied: ['ms-pm/core'], missing: ['ms-pm/further-courses'], held: PJM.map((k) => `NEU.${k}`) },
  });

  describeLearner('near miss, expired: certificate earned in 2017, its credits are more than seven years old', world, target, {
    completions: [done('PJM-1', '2016-03-15'), done('PJM-2', '2016-06-15'), done('PJM-3', '2016-12-15'), done('PJM-4', '2017-03-15')],
    credentials: [certificate('2017-04-01')],
    admittedOn: '2026-09-01',
    items: { ...Object.fromEntries(PJM.map((k) => [k, expired])), CERT: { credits: '0', decideAs: { outcome: 'denied' as const, reason: 'TOO_OLD' } } },
    program: { credits: '0', need: '45', requirementsSatisfied: false, missing: ['ms-pm/core', 'ms-pm/further-courses'] },
  });

  describeLearner('near miss, one course expired: the certificate took five years and its first course is from 2018; the answer asks for that course only', world, target, {
    completions: [done('PJM-1', '2018-09-15'), done('PJM-2', '2023-03-15'), done('PJM-3', '2023-06-15'), done('PJM-4', '2023-09-15')],
    credentials: [certificate('2023-10-01')],
    admittedOn: '2026-09-01',
    items: { 'PJM-1': expired, 'PJM-2': credited('PJM-2'), 'PJM-3': credited('PJM-3'), 'PJM-4': credited('PJM-4'), CERT: certificateItem },
    program: {
      credits: '12', need: '45', requirementsSatisfied: false,
      satisfied: ['ms-pm/core/pjm-2', 'ms-pm/core/pjm-3', 'ms-pm/core/pjm-4'], missing: ['ms-pm/core/pjm-1', 'ms-pm/further-courses'], held: ['NEU.PJM-2', 'NEU.PJM-3', 'NEU.PJM-4'], names: [['NEU.PJM-1']],
    },
  });
});
