/**
 * University of South Carolina, Darla Moore School of Business: credit from a graduate certificate
 * applied to a graduate degree.
 *
 * Source: http://bulletin.sc.edu/preview_program.php?catoid=94&poid=6005 (graduate certificate
 * program page, Moore School of Business)
 * Facts used:
 * - "students are allowed to use up to 9 credit hours taken as part of the certificate for degree
 *   requirements";
 * - "Students who earn a certificate and then enroll in a degree program may also use up to 9
 *   credit hours from the certificate toward the completion of degree requirements, provided the
 *   degree is awarded within four years of the completion of the certificate".
 * Assumptions: the certificate is four 3-hour courses (names are this library's); the degree is a
 * 30-hour master with four 3-hour core courses and 18 hours of electives; one certificate course
 * is also a degree core course (Data Analysis for Managers), the others count as electives;
 * admission to the degree is required; "within four years" is evaluated at the request date (the
 * language has no graduation date: a registrar re-checks at graduation).
 * Expected allocation when the 9-hour limit binds (issue 13): a course that satisfies a core
 * requirement first, then older first.
 */
import { CompletionDef } from './support/learner-case';
import { describeLearner, scenarioWorld } from './support/scenario';

const MOORE = 'usc-moore';
const PROGRAM = 'moore-ms-business';
const target = { registrar: MOORE, submitter: 'employer-hr', programId: PROGRAM };
const CORE = ['MOORE.CORE-OB', 'MOORE.CORE-FIN', 'MOORE.CORE-ACCT', 'MOORE.CORE-DATA'];

const program = {
  id: PROGRAM,
  version: '2026-2027',
  title: 'Moore School of Business graduate degree (certificate credit applies)',
  institution: 'Darla Moore School of Business, University of South Carolina',
  creditUnit: 'US_SEMESTER',
  totalCredits: 30,
  admissionRequired: true,
  requirements: {
    id: 'ms',
    limits: [{ maxCredits: 9, filter: { source: 'transfer' }, label: 'Up to 9 credit hours from the certificate' }],
    allOf: [
      { id: 'core', label: 'Core courses', allOf: CORE.map((c) => ({ id: c.slice(6).toLowerCase(), label: c, course: c })) },
      { id: 'electives', label: 'Electives', credits: 18 },
    ],
  },
};

const policy = {
  id: 'moore-certificate-credit',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: MOORE,
  programId: PROGRAM,
  creditUnit: 'US_SEMESTER',
  acceptedIssuers: [MOORE],
  admissionRequired: true,
  maxAgeYears: 4,
  unmatched: 'elective',
  equivalencies: [{ id: 'data-analysis', match: { issuer: MOORE, code: 'moore.CERT-DATA', kind: 'course' }, grant: { as: 'course', courseId: 'MOORE.CORE-DATA', credits: 3 } }],
  transferCap: { maxCredits: 9 },
};

const done = (key: string, code: string, completedOn: string): CompletionDef => ({ key, issuer: MOORE, courseId: `moore.${code}`, grade: { scale: 'letter', value: 'A-' }, completedOn });
const elective = { outcome: 'granted' as const, credits: '3', reason: 'ELECTIVE_CREDIT' };
const capped = { outcome: 'denied' as const, credits: '0', reason: 'CAP_EXCEEDED' };
const expired = { outcome: 'denied' as const, credits: '0', reason: 'TOO_OLD' };

describe('Moore School of Business: up to 9 certificate hours toward a degree awarded within four years', () => {
  const world = scenarioWorld({
    institutions: [
      { id: MOORE, name: 'Darla Moore School of Business', country: 'US', creditUnit: 'US_SEMESTER', roles: ['issuer', 'registrar'] },
      { id: 'employer-hr', name: 'Employer HR office (submitting for the learner)', country: 'US', creditUnit: 'US_SEMESTER', roles: ['submitter'] },
    ],
    async prepare(w) {
      const def = (code: string, title: string) => ({ courseId: `moore.${code}`, title, credits: '3', unit: 'US_SEMESTER' as const, eqfLevel: 7, field: 'business', tags: ['moore-certificate'] });
      await w.defineCourses(MOORE, [
        def('CERT-1', 'Certificate course 1'), def('CERT-2', 'Certificate course 2'), def('CERT-3', 'Certificate course 3'), def('CERT-4', 'Certificate course 4'),
        def('CERT-DATA', 'Data Analysis for Managers (certificate course; degree core)'),
      ]);
      await w.publish(MOORE, program, policy);
    },
  });

  describeLearner('cap binds: four certificate courses (12 hours), 9 apply, the most recent does not', world, target, {
    completions: [done('c1', 'CERT-1', '2026-02-10'), done('c2', 'CERT-2', '2026-03-10'), done('c3', 'CERT-3', '2026-04-10'), done('c4', 'CERT-4', '2026-05-10')],
    admittedOn: '2026-08-15',
    items: { c1: elective, c2: elective, c3: elective, c4: capped },
    program: { credits: '9', need: '30', requirementsSatisfied: false, missing: ['ms/core', 'ms/electives'] },
  });

  describeLearner('cap binds with a core course among them: the core course is applied first, then the two oldest electives', world, target, {
    completions: [done('c1', 'CERT-1', '2026-02-10'), done('c2', 'CERT-2', '2026-03-10'), done('c3', 'CERT-3', '2026-04-10'), done('data', 'CERT-DATA', '2026-05-10')],
    admittedOn: '2026-08-15',
    items: { data: { outcome: 'granted', credits: '3', reason: 'EQUIVALENT_COURSE', as: 'MOORE.CORE-DATA' }, c1: elective, c2: elective, c3: capped },
    program: { credits: '9', need: '30', requirementsSatisfied: false, satisfied: ['ms/core/core-data'], missing: ['ms/core/core-ob', 'ms/core/core-fin', 'ms/core/core-acct', 'ms/electives'], held: ['MOORE.CORE-DATA'], names: [['MOORE.CORE-OB'], ['MOORE.CORE-FIN'], ['MOORE.CORE-ACCT']] },
  });

  describeLearner('near miss, expired: certificate completed in 2020, more than four years ago', world, target, {
    completions: [done('c1', 'CERT-1', '2020-02-10'), done('c2', 'CERT-2', '2020-03-10'), done('c3', 'CERT-3', '2020-04-10')],
    admittedOn: '2026-08-15',
    items: { c1: expired, c2: expired, c3: expired },
    program: { credits: '0', need: '30', requirementsSatisfied: false, missing: ['ms/core', 'ms/electives'] },
  });
});
