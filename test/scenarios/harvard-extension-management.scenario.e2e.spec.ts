/**
 * Harvard Extension School: ALM in Management, MITx MicroMasters in SCM pathway.
 *
 * Source: https://extension.harvard.edu/academics/programs/management-degree-program/mitx-micromasters-program-pathway-to-the-management-degree/
 * Facts used:
 * - the pathway is "designed solely for students who've completed the MITx MicroMasters in Supply
 *   Chain Management";
 * - "Harvard Extension School will credit 4 courses (16 credits) toward the management program for
 *   earning the MITx MicroMasters Program in Supply Chain Management, leaving you with 8 courses
 *   (32 credits) left to complete" (so the degree is 48 credits);
 * - the 8 remaining courses: 1 economics, 1 accounting, 1 organizational behavior, 1 finance,
 *   1 marketing, 1 strategy, 1 applied active learning elective (on campus), 1 elective; "1 course
 *   required on-campus".
 * MITx credential facts: see support/mitx-scm.ts.
 * Assumptions (not stated on the page; conservative):
 * - credit is for the complete credential only ("for earning" it): nothing for a partial stack;
 * - admission to the ALM is required before credit is applied (a Harvard Extension degree
 *   candidacy); no age limit or minimum grade beyond earning the credential is published, so none is modelled;
 * - internal course ids HES.* and the tags that classify the remaining courses are this library's.
 * Language note: "4 courses (16 credits)" is one block of 16 elective credits here; the language
 * cannot credit one credential as four unnamed courses.
 */
import { MITX, scmCompletions, scmCourses, scmCredential, throughCredential } from './support/mitx-scm';
import { describeLearner, scenarioWorld } from './support/scenario';

const HES = 'harvard-ext';
const PROGRAM = 'hes-alm-management';
const target = { registrar: HES, submitter: 'uni-leeds', programId: PROGRAM };

const category = (id: string, tag: string, label: string) => ({ id, label, count: 1, filter: { source: 'home', tags: [tag] } });

const program = {
  id: PROGRAM,
  version: '2026-2027',
  title: 'Harvard Extension School ALM in Management (MITx SCM MicroMasters pathway)',
  institution: 'Harvard Extension School',
  creditUnit: 'US_SEMESTER',
  totalCredits: 48,
  admissionRequired: true,
  requirements: {
    id: 'alm-mgmt',
    allOf: [
      { id: 'micromasters-credit', label: 'MITx SCM MicroMasters: 4 courses (16 credits)', credits: 16, filter: { source: 'transfer', tags: ['mitx-scm-micromasters'] } },
      {
        id: 'core',
        label: 'Management core',
        allOf: [
          category('economics', 'economics', 'One economics course (microeconomics or managerial economics)'),
          category('accounting', 'accounting', 'One accounting course'),
          category('organizational-behavior', 'organizational-behavior', 'One organizational behavior course'),
          category('finance', 'finance', 'One finance course'),
          category('marketing', 'marketing', 'One marketing course'),
          category('strategy', 'strategy', 'One strategy course'),
        ],
      },
      { id: 'active-learning', label: 'Applied active learning elective (on campus)', count: 1, filter: { source: 'home', inResidence: true, tags: ['active-learning'] } },
      { id: 'elective', label: 'One elective', count: 1, filter: { source: 'home' } },
    ],
  },
};

const policy = {
  id: 'hes-mitx-scm-pathway',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: HES,
  programId: PROGRAM,
  creditUnit: 'US_SEMESTER',
  acceptedIssuers: [MITX],
  completeCredentialRequired: true,
  admissionRequired: true,
  equivalencies: [
    { id: 'mitx-scm-micromasters', match: { issuer: MITX, code: 'MITx-SCM-MM', kind: 'credential' }, grant: { as: 'elective', credits: 16, field: 'management', tags: ['mitx-scm-micromasters'] } },
  ],
};

const ALL = ['SC0x', 'SC1x', 'SC2x', 'SC3x', 'SC4x', 'CFx'];
const components = Object.fromEntries(ALL.map((k) => [k, throughCredential]));
const remaining = ['alm-mgmt/core', 'alm-mgmt/active-learning', 'alm-mgmt/elective'];

describe('Harvard Extension School ALM in Management: the MITx SCM MicroMasters pathway', () => {
  const world = scenarioWorld({
    institutions: [
      { id: HES, name: 'Harvard Extension School', country: 'US', creditUnit: 'US_SEMESTER', roles: ['registrar'] },
      { id: MITX, name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER', roles: ['issuer'] },
      { id: 'uni-leeds', name: 'University of Leeds (submitting on the learner’s behalf)', country: 'GB', creditUnit: 'UK_CATS', roles: ['submitter'] },
    ],
    async prepare(w) {
      await w.defineCourses(MITX, scmCourses());
      await w.publish(HES, program, policy);
    },
  });

  describeLearner('complete MicroMasters, admitted, submits the credential: 4 courses (16 credits) credited, 32 credits left', world, target, {
    completions: scmCompletions(ALL, 2026, 1),
    credentials: [scmCredential(ALL, '2026-08-15')],
    admittedOn: '2026-09-01',
    submit: ['MM'],
    items: { MM: { outcome: 'granted', credits: '16', reason: 'ELECTIVE_CREDIT' }, ...components },
    program: { credits: '16', need: '48', requirementsSatisfied: false, admitted: true, satisfied: ['alm-mgmt/micromasters-credit'], missing: remaining },
  });

  describeLearner('complete MicroMasters submitted with its six component courses: still 16 credits, never the credential and its components both', world, target, {
    completions: scmCompletions(ALL, 2026, 1),
    credentials: [scmCredential(ALL, '2026-08-15')],
    admittedOn: '2026-09-01',
    items: {
      MM: { outcome: 'granted', credits: '16', reason: 'ELECTIVE_CREDIT' },
      ...Object.fromEntries(ALL.map((k) => [k, { ...throughCredential, decideAs: { outcome: 'denied' as const, reason: 'NO_EQUIVALENCY' } }])),
    },
    program: { credits: '16', need: '48', requirementsSatisfied: false, satisfied: ['alm-mgmt/micromasters-credit'], missing: remaining },
  });

  describeLearner('near miss, one course short (SC4x and the CFx not taken, no credential): no credit, the pathway block is missing', world, target, {
    completions: scmCompletions(['SC0x', 'SC1x', 'SC2x', 'SC3x'], 2026, 1),
    admittedOn: '2026-09-01',
    items: Object.fromEntries(['SC0x', 'SC1x', 'SC2x', 'SC3x'].map((k) => [k, { outcome: 'denied' as const, credits: '0', reason: 'CREDENTIAL_INCOMPLETE' }])),
    program: { credits: '0', need: '48', requirementsSatisfied: false, missing: ['alm-mgmt/micromasters-credit', ...remaining] },
  });

  describeLearner('near miss, comprehensive exam failed (credential recorded as not complete): no credit', world, target, {
    completions: [...scmCompletions(['SC0x', 'SC1x', 'SC2x', 'SC3x', 'SC4x'], 2026, 1), { key: 'CFx', issuer: MITX, courseId: 'mitx.CTL.CFx', grade: { scale: 'percent', value: '41' }, completedOn: '2026-07-20' }],
    credentials: [scmCredential(ALL, '2026-08-15', false)],
    admittedOn: '2026-09-01',
    submit: ['MM'],
    items: { MM: { outcome: 'denied', credits: '0', reason: 'CREDENTIAL_INCOMPLETE' }, ...components },
    program: { credits: '0', need: '48', requirementsSatisfied: false, missing: ['alm-mgmt/micromasters-credit', ...remaining] },
  });
});
