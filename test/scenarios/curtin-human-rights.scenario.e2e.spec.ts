/**
 * Curtin University: Master of Human Rights, credit for the CurtinX Human Rights MicroMasters
 * under Curtin's Credit for Recognised Learning (CRL) rules.
 *
 * Sources: https://future.connect.curtin.edu.au/app/answers/detail/a_id/2277/ (CRL conditions);
 * http://futurestudents.curtin.edu.au/postgraduate/entry/credit-transfer/ (types of credit);
 * https://blog.highereducationwhisperer.com/2016/09/australian-universities-in-edx.html (Curtin
 * Human Rights MicroMasters: "credit towards up to one-quarter of a Masters");
 * http://productmediagroup.org/index-1483.html (Human Rights Careers: the Curtin Master of Human
 * Rights "is 300 credits, and lasts 1 year and 6 months"; "Curtin University is also offering a
 * Micromasters in Human Rights that counts towards the Master degree")
 * Facts used:
 * - to apply for CRL a student must be admitted into an award course; "prior studies must be
 *   completed within the last ten years"; prior studies "must be considered academically
 *   equivalent (for example, completed studies under a bachelors degree will not be considered for
 *   credits towards a postgraduate degree)";
 * - general/elective credit is expressed as a total amount of credit;
 * - the MicroMasters counts for up to a quarter of the 300-credit master.
 * Assumptions: the quarter is 75 Curtin credits (three 25-credit units) of elective credit for the
 * complete credential; Curtin credits are written CURTIN_CREDIT with 3/10 ECTS each (200 credits a
 * year = 60 ECTS); the rest of the structure (150 credits of core units, a 75-credit project) is
 * this library's; postgraduate = EQF 7, bachelor level = EQF 6.
 */
import { CompletionDef, CredentialDef } from './support/learner-case';
import { describeLearner, scenarioWorld } from './support/scenario';

const CURTIN = 'curtin';
const CURTINX = 'curtinx';
const PROGRAM = 'curtin-master-human-rights';
const target = { registrar: CURTIN, submitter: 'uni-wa-careers', programId: PROGRAM };
const UNIT = { CURTIN_CREDIT: '3/10' };
const COURSES = ['HR1x', 'HR2x', 'HR3x', 'HR4x'];

const program = {
  id: PROGRAM,
  version: '2026',
  title: 'Curtin University Master of Human Rights',
  institution: 'Curtin University',
  creditUnit: 'CURTIN_CREDIT',
  conversion: UNIT,
  totalCredits: 300,
  admissionRequired: true,
  requirements: {
    id: 'mhr',
    allOf: [
      { id: 'micromasters-credit', label: 'CurtinX Human Rights MicroMasters (a quarter of the master)', credits: 75, filter: { source: 'transfer', tags: ['curtinx-human-rights'] } },
      { id: 'core-units', label: 'Core human rights units', credits: 150, filter: { source: 'home' } },
      { id: 'project', label: 'Human rights project', credits: 75, filter: { source: 'home', tags: ['project'] } },
    ],
  },
};

const policy = {
  id: 'curtin-crl-human-rights',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: CURTIN,
  programId: PROGRAM,
  creditUnit: 'CURTIN_CREDIT',
  conversion: UNIT,
  acceptedIssuers: [CURTINX],
  completeCredentialRequired: true,
  admissionRequired: true,
  maxAgeYears: 10,
  levels: ['EQF7'],
  equivalencies: [
    { id: 'human-rights-micromasters', match: { issuer: CURTINX, code: 'CurtinX-HR-MM', kind: 'credential' }, grant: { as: 'elective', credits: 75, field: 'human-rights', tags: ['curtinx-human-rights'] } },
  ],
};

const courses = (keys: string[], year: number): CompletionDef[] => keys.map((k, i) => ({ key: k, issuer: CURTINX, courseId: `curtinx.${k}`, grade: { scale: 'percent', value: '71' }, completedOn: `${year}-0${i + 2}-14` }));
const credential = (issuedOn: string): CredentialDef => ({
  key: 'MM', issuer: CURTINX, type: 'MicroMasters', code: 'CurtinX-HR-MM', title: 'Human Rights MicroMasters', over: COURSES, complete: true, issuedOn, eqfLevel: 7, workload: { credits: '25', unit: 'ECTS' },
});
const components = Object.fromEntries(COURSES.map((k) => [k, { credits: '0' }]));
const rest = ['mhr/core-units', 'mhr/project'];

describe('Curtin Master of Human Rights: CurtinX MicroMasters credit under the CRL rules', () => {
  const world = scenarioWorld({
    institutions: [
      { id: CURTIN, name: 'Curtin University', country: 'AU', creditUnit: 'ECTS', roles: ['registrar'] },
      { id: CURTINX, name: 'CurtinX', country: 'AU', creditUnit: 'ECTS', roles: ['issuer'] },
      { id: 'uni-wa-careers', name: 'Careers service (submitting for the learner)', country: 'AU', creditUnit: 'ECTS', roles: ['submitter'] },
    ],
    async prepare(w) {
      await w.defineCourses(CURTINX, [
        ...COURSES.map((k) => ({ courseId: `curtinx.${k}`, title: `Human Rights MicroMasters course ${k}`, credits: '6', unit: 'ECTS' as const, eqfLevel: 7, field: 'human-rights' })),
        { courseId: 'curtinx.HR-UG', title: 'Human rights foundations (undergraduate unit)', credits: '7.5', unit: 'ECTS', eqfLevel: 6, field: 'human-rights' },
      ]);
      await w.publish(CURTIN, program, policy);
    },
  });

  describeLearner('complete MicroMasters awarded this year, admitted: 75 credits, a quarter of the master', world, target, {
    completions: courses(COURSES, 2026),
    credentials: [credential('2026-06-30')],
    admittedOn: '2026-08-01',
    submit: ['MM'],
    items: { MM: { outcome: 'granted', credits: '75', reason: 'ELECTIVE_CREDIT' }, ...components },
    program: { credits: '75', need: '300', requirementsSatisfied: false, satisfied: ['mhr/micromasters-credit'], missing: rest },
    then: {
      title: 'CurtinX revokes the MicroMasters after the decision: flagged, binding until the registrar revises; revised, the credit no longer counts',
      issuer: CURTINX,
      async change(w, run) {
        await w.post(CURTINX, 'issuer', `/learners/${run.learnerId}/credentials/${run.ids.MM}/revocation`, { reason: 'assessment integrity breach' });
      },
      affected: ['MM'],
      items: { MM: { outcome: 'denied', credits: '0', reason: 'CREDENTIAL_INCOMPLETE' }, ...components },
      program: { credits: '0', need: '300', requirementsSatisfied: false, missing: ['mhr/micromasters-credit', ...rest] },
    },
  });

  describeLearner('near miss, expired: the MicroMasters was completed in 2013, outside the ten-year window', world, target, {
    completions: courses(COURSES, 2013),
    credentials: [credential('2013-06-30')],
    admittedOn: '2026-08-01',
    submit: ['MM'],
    items: { MM: { outcome: 'denied', credits: '0', reason: 'TOO_OLD' }, ...components },
    program: { credits: '0', need: '300', requirementsSatisfied: false, missing: ['mhr/micromasters-credit', ...rest] },
  });

  describeLearner('near miss, level mismatch: a bachelor-level unit is not credited toward the postgraduate degree', world, target, {
    completions: [...courses(COURSES, 2026), { key: 'ug', issuer: CURTINX, courseId: 'curtinx.HR-UG', grade: { scale: 'percent', value: '88' }, completedOn: '2025-11-20' }],
    credentials: [credential('2026-06-30')],
    admittedOn: '2026-08-01',
    submit: ['MM', 'ug'],
    items: { MM: { outcome: 'granted', credits: '75', reason: 'ELECTIVE_CREDIT' }, ug: { outcome: 'denied', credits: '0', reason: 'LEVEL_MISMATCH' }, ...components },
    program: { credits: '75', need: '300', requirementsSatisfied: false, satisfied: ['mhr/micromasters-credit'], missing: rest },
  });

  describeLearner('near miss, one course short (three of four, no credential): no credit', world, target, {
    completions: courses(COURSES.slice(0, 3), 2026),
    admittedOn: '2026-08-01',
    items: Object.fromEntries(COURSES.slice(0, 3).map((k) => [k, { outcome: 'denied' as const, credits: '0', reason: 'CREDENTIAL_INCOMPLETE' }])),
    program: { credits: '0', need: '300', requirementsSatisfied: false, missing: ['mhr/micromasters-credit', ...rest] },
  });
});
