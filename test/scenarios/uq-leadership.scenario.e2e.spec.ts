/**
 * The University of Queensland: Master of Leadership in Service Innovation (program 5707, to
 * 2022), entry and credit with the UQx Business Leadership MicroMasters.
 *
 * Sources: https://business.uq.edu.au/changes-master-leadership-service-innovation ;
 * https://campusmorningmail.com.au/news/uoqs-new-moocs-will-they-eat-st-lucias-lunch/
 * Facts used:
 * - MLSI entry (to 2022): a bachelor's degree in a relevant discipline, or any bachelor's plus 3
 *   years of relevant full-time work, or "a UQx Business Leadership MicroMasters credential with
 *   65% in the Business Leadership Capstone Assessment, plus three years of full-time equivalent
 *   relevant work experience" (admission is required; the work experience is part of the
 *   admission decision);
 * - the MicroMasters is "a four unit micromasters in business leadership" plus a capstone
 *   assessment, and "can count as credit for a quarter of the on-campus masters".
 * Assumptions: the MLSI is 16 UQ units (one year full time), so a quarter is 4 units; UQ units are
 * written UQ_UNIT with 15/4 ECTS each (16 units = 60 ECTS); the 65% capstone threshold applies to
 * the credit as well as to entry; the credential's grade is the capstone mark; the four courses are
 * recorded at 5 ECTS each (no published figure; credit is for the credential, not per course).
 */
import { CompletionDef, CredentialDef } from './support/learner-case';
import { describeLearner, scenarioWorld } from './support/scenario';

const UQ = 'uq';
const UQX = 'uqx';
const PROGRAM = 'uq-mlsi';
const target = { registrar: UQ, submitter: 'uni-auckland', programId: PROGRAM };
const COURSES = ['BLx1', 'BLx2', 'BLx3', 'BLx4'];
const UQ_UNIT = { UQ_UNIT: '15/4' };

const program = {
  id: PROGRAM,
  version: '2022',
  title: 'UQ Master of Leadership in Service Innovation (5707)',
  institution: 'The University of Queensland',
  creditUnit: 'UQ_UNIT',
  conversion: UQ_UNIT,
  totalCredits: 16,
  admissionRequired: true,
  requirements: {
    id: 'mlsi',
    allOf: [
      { id: 'micromasters-credit', label: 'UQx Business Leadership MicroMasters (a quarter of the masters)', credits: 4, filter: { source: 'transfer', tags: ['uqx-business-leadership'] } },
      { id: 'uq-courses', label: 'UQ MLSI courses', credits: 12, filter: { source: 'home' } },
    ],
  },
};

const policy = {
  id: 'uq-uqx-micromasters',
  version: '2022.1',
  effectiveFrom: '2022-01-01',
  receivingInstitution: UQ,
  programId: PROGRAM,
  creditUnit: 'UQ_UNIT',
  conversion: UQ_UNIT,
  acceptedIssuers: [UQX],
  completeCredentialRequired: true,
  admissionRequired: true,
  equivalencies: [
    { id: 'uqx-bl-micromasters', match: { issuer: UQX, code: 'UQx-BL-MM', kind: 'credential' }, grant: { as: 'elective', credits: 4, field: 'leadership', tags: ['uqx-business-leadership'] }, minGrade: 65 },
  ],
};

const courses = (keys: string[]): CompletionDef[] => keys.map((k, i) => ({ key: k, issuer: UQX, courseId: `uqx.${k}`, grade: { scale: 'percent', value: '80' }, completedOn: `2026-0${i + 1}-28` }));
const capstone = (mark: string): CompletionDef => ({ key: 'capstone', issuer: UQX, courseId: 'uqx.BLCAP', grade: { scale: 'percent', value: mark }, completedOn: '2026-06-15' });
const credential = (mark: string): CredentialDef => ({
  key: 'MM', issuer: UQX, type: 'MicroMasters', code: 'UQx-BL-MM', title: 'UQx Business Leadership MicroMasters', over: [...COURSES, 'capstone'], complete: true, issuedOn: '2026-07-01', eqfLevel: 7,
  workload: { credits: '20', unit: 'ECTS' }, grade: { scale: 'percent', value: mark },
});
const components = Object.fromEntries([...COURSES, 'capstone'].map((k) => [k, { credits: '0' }]));

describe('UQ Master of Leadership in Service Innovation: the UQx Business Leadership MicroMasters route', () => {
  const world = scenarioWorld({
    institutions: [
      { id: UQ, name: 'The University of Queensland', country: 'AU', creditUnit: 'ECTS', roles: ['registrar'] },
      { id: UQX, name: 'UQx', country: 'AU', creditUnit: 'ECTS', roles: ['issuer'] },
      { id: 'uni-auckland', name: 'University of Auckland (submitting)', country: 'NZ', creditUnit: 'ECTS', roles: ['submitter'] },
    ],
    async prepare(w) {
      const def = (k: string, title: string) => ({ courseId: `uqx.${k}`, title, credits: '5', unit: 'ECTS' as const, eqfLevel: 7, field: 'leadership' });
      await w.defineCourses(UQX, [...COURSES.map((k) => def(k, `Business Leadership course ${k}`)), def('BLCAP', 'Business Leadership Capstone Assessment')]);
      await w.publish(UQ, program, policy);
    },
  });

  describeLearner('MicroMasters with 78% in the capstone, admitted: a quarter of the masters (4 units) credited', world, target, {
    completions: [...courses(COURSES), capstone('78')],
    credentials: [credential('78')],
    admittedOn: '2026-08-01',
    submit: ['MM'],
    items: { MM: { outcome: 'granted', credits: '4', reason: 'ELECTIVE_CREDIT' }, ...components },
    program: { credits: '4', need: '16', requirementsSatisfied: false, satisfied: ['mlsi/micromasters-credit'], missing: ['mlsi/uq-courses'] },
  });

  describeLearner('near miss, capstone 60% (below the 65% required): no credit', world, target, {
    completions: [...courses(COURSES), capstone('60')],
    credentials: [credential('60')],
    admittedOn: '2026-08-01',
    submit: ['MM'],
    items: { MM: { outcome: 'denied', credits: '0', reason: 'BELOW_MIN_GRADE' }, ...components },
    program: { credits: '0', need: '16', requirementsSatisfied: false, missing: ['mlsi/micromasters-credit', 'mlsi/uq-courses'] },
  });

  describeLearner('near miss, one course short (three courses, no capstone, no credential): no credit', world, target, {
    completions: courses(COURSES.slice(0, 3)),
    admittedOn: '2026-08-01',
    items: Object.fromEntries(COURSES.slice(0, 3).map((k) => [k, { outcome: 'denied' as const, credits: '0', reason: 'CREDENTIAL_INCOMPLETE' }])),
    program: { credits: '0', need: '16', requirementsSatisfied: false, missing: ['mlsi/micromasters-credit', 'mlsi/uq-courses'] },
  });
});
