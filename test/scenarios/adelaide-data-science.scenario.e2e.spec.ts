/**
 * The University of Adelaide: Master of Data Science, credit for the AdelaideX Big Data
 * MicroMasters.
 *
 * Sources: https://campusmorningmail.com.au/news/uoqs-new-moocs-will-they-eat-st-lucias-lunch/ ;
 * https://calendar.adelaide.edu.au/aprcw/2019/mdsc_mdatasc (2019 program rules);
 * https://calendar.adelaide.edu.au/aprcw/2023/mmark_mmarket (conversion masters of 48 units)
 * Facts used:
 * - the university's on-line big data MicroMasters "can count for credit for 25 per cent of the
 *   university's master of data science";
 * - the MDS is a conversion program: a specialised introductory first semester, a 15-unit research
 *   project in data science, and approved coursework;
 * - Adelaide conversion masters comprise not less than 48 units (Master of Marketing rules).
 * Assumptions: the MDS is 48 units, so 25% is 12 units (the 2019 rules quote a 15-unit project
 * and "the remaining 36 units" of coursework; 48 is used as the conversion-masters size); Adelaide
 * units are written ADL_UNIT with 5/2 ECTS each (24 units = 60 ECTS); the credit is for the complete
 * credential and replaces the introductory semester; only postgraduate (EQF 7) learning counts; the
 * MicroMasters' five courses (titles are this library's) are recorded at 6 ECTS each.
 */
import { CompletionDef, CredentialDef } from './support/learner-case';
import { describeLearner, scenarioWorld } from './support/scenario';

const ADL = 'adelaide';
const ADX = 'adelaidex';
const PROGRAM = 'adelaide-mds';
const target = { registrar: ADL, submitter: 'uni-sa', programId: PROGRAM };
const ADL_UNIT = { ADL_UNIT: '5/2' };
const COURSES = ['BD101x', 'BD102x', 'BD103x', 'BD104x', 'BD105x'];

const program = {
  id: PROGRAM,
  version: '2026',
  title: 'The University of Adelaide Master of Data Science',
  institution: 'The University of Adelaide',
  creditUnit: 'ADL_UNIT',
  conversion: ADL_UNIT,
  totalCredits: 48,
  admissionRequired: true,
  requirements: {
    id: 'mds',
    allOf: [
      {
        id: 'introductory-semester',
        label: 'Introductory semester',
        anyOf: [
          { id: 'big-data-micromasters', label: 'AdelaideX Big Data MicroMasters (25% credit)', credits: 12, filter: { source: 'transfer', tags: ['adelaidex-big-data'] } },
          { id: 'introductory-courses', label: 'Introductory courses in Adelaide', credits: 12, filter: { source: 'home' } },
        ],
      },
      { id: 'research-project', label: 'Research project in data science', credits: 15, filter: { source: 'home', tags: ['research-project'] } },
      { id: 'coursework', label: 'Approved coursework', credits: 21, filter: { source: 'home' } },
    ],
  },
};

const policy = {
  id: 'adelaide-adelaidex-credit',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: ADL,
  programId: PROGRAM,
  creditUnit: 'ADL_UNIT',
  conversion: ADL_UNIT,
  acceptedIssuers: [ADX],
  completeCredentialRequired: true,
  admissionRequired: true,
  levels: ['EQF7'],
  equivalencies: [
    { id: 'big-data-micromasters', match: { issuer: ADX, code: 'AdelaideX-BigData-MM', kind: 'credential' }, grant: { as: 'elective', credits: 12, field: 'data-science', tags: ['adelaidex-big-data'] } },
  ],
  transferCap: { maxFraction: '1/4', programTotalCredits: 48 },
};

const courses = (keys: string[]): CompletionDef[] => keys.map((k, i) => ({ key: k, issuer: ADX, courseId: `adx.${k}`, grade: { scale: 'percent', value: '74' }, completedOn: `2026-0${i + 1}-25` }));
const credential: CredentialDef = {
  key: 'MM', issuer: ADX, type: 'MicroMasters', code: 'AdelaideX-BigData-MM', title: 'Big Data MicroMasters', over: COURSES, complete: true, issuedOn: '2026-07-10', eqfLevel: 7, workload: { credits: '30', unit: 'ECTS' },
};
const components = Object.fromEntries(COURSES.map((k) => [k, { credits: '0' }]));
const onCampus = ['mds/research-project', 'mds/coursework'];

describe('University of Adelaide Master of Data Science: the AdelaideX Big Data MicroMasters counts for 25%', () => {
  const world = scenarioWorld({
    institutions: [
      { id: ADL, name: 'The University of Adelaide', country: 'AU', creditUnit: 'ECTS', roles: ['registrar'] },
      { id: ADX, name: 'AdelaideX', country: 'AU', creditUnit: 'ECTS', roles: ['issuer'] },
      { id: 'uni-sa', name: 'University of South Australia (submitting)', country: 'AU', creditUnit: 'ECTS', roles: ['submitter'] },
    ],
    async prepare(w) {
      await w.defineCourses(ADX, [
        ...COURSES.map((k) => ({ courseId: `adx.${k}`, title: `Big Data MicroMasters course ${k}`, credits: '6', unit: 'ECTS' as const, eqfLevel: 7, field: 'data-science' })),
        { courseId: 'adx.UG-DATA', title: 'Introduction to data (undergraduate level)', credits: '6', unit: 'ECTS', eqfLevel: 6, field: 'data-science' },
      ]);
      await w.publish(ADL, program, policy);
    },
  });

  describeLearner('complete MicroMasters, admitted: 12 units (25%), the introductory semester is met', world, target, {
    completions: courses(COURSES),
    credentials: [credential],
    admittedOn: '2026-08-01',
    submit: ['MM'],
    items: { MM: { outcome: 'granted', credits: '12', reason: 'ELECTIVE_CREDIT' }, ...components },
    program: { credits: '12', need: '48', requirementsSatisfied: false, satisfied: ['mds/introductory-semester'], missing: onCampus },
  });

  describeLearner('near miss, one course short (four of five, no credential): no credit', world, target, {
    completions: courses(COURSES.slice(0, 4)),
    admittedOn: '2026-08-01',
    items: Object.fromEntries(COURSES.slice(0, 4).map((k) => [k, { outcome: 'denied' as const, credits: '0', reason: 'CREDENTIAL_INCOMPLETE' }])),
    program: { credits: '0', need: '48', requirementsSatisfied: false, missing: ['mds/introductory-semester', ...onCampus] },
  });

  describeLearner('near miss, level mismatch: an undergraduate AdelaideX course next to the MicroMasters adds nothing', world, target, {
    completions: [...courses(COURSES), { key: 'ug', issuer: ADX, courseId: 'adx.UG-DATA', grade: { scale: 'percent', value: '90' }, completedOn: '2026-06-30' }],
    credentials: [credential],
    admittedOn: '2026-08-01',
    submit: ['MM', 'ug'],
    items: { MM: { outcome: 'granted', credits: '12', reason: 'ELECTIVE_CREDIT' }, ug: { outcome: 'denied', credits: '0', reason: 'LEVEL_MISMATCH' }, ...components },
    program: { credits: '12', need: '48', requirementsSatisfied: false, satisfied: ['mds/introductory-semester'], missing: onCampus },
  });
});
