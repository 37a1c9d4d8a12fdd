/**
 * University of Houston, C. T. Bauer College of Business: MS in Supply Chain Management, whose
 * transfer rules exclude the supply chain courses (a MicroMasters pathway that does not exist).
 *
 * Sources: https://www.bauer.uh.edu/ms-supply-chain/policies.php and
 * http://www.bauer.uh.edu/graduate-studies/prospective-students/ms-scm/policies.php
 * Facts used:
 * - "Transfer credit is not available for the supply chain management courses. However, the
 *   Business Fundamentals may be waived with appropriate prior graduate coursework";
 * - transfer courses "must have grades of 'B' or higher and may not be more than five years old at
 *   the time of graduation"; "The course work must be graduate-level and consistent with the
 *   advanced study of business administration"; department approval; "Transfer credit is not given
 *   for either professional experience or professional development courses";
 * - the program is designed for completion in 18-24 months.
 * Assumptions: 30 credit hours (18 of supply chain courses, 6 of business fundamentals, 6 of
 * electives); transfer credit at most 6 hours (no figure published); MITx MicroMasters courses are
 * treated as professional development, not graduate coursework (the issuer is not accepted);
 * "Example State University" is a hypothetical accredited graduate school; "five years at
 * graduation" is evaluated at the request date (the language has no graduation date), which is
 * looser: a registrar would re-check at graduation.
 * "No transfer for supply chain courses" is configured: the policy's excludeFields (engine 2.0.0).
 */
import { CompletionDef } from './support/learner-case';
import { MITX, scmCompletions, scmCourses, scmCredential } from './support/mitx-scm';
import { describeLearner, scenarioWorld } from './support/scenario';

const UH = 'uh-bauer';
const ESU = 'example-state-grad';
const PROGRAM = 'uh-ms-scm';
const target = { registrar: UH, submitter: 'uni-monterrey', programId: PROGRAM };

const program = {
  id: PROGRAM,
  version: '2026-2027',
  title: 'University of Houston Bauer MS in Supply Chain Management',
  institution: 'C. T. Bauer College of Business, University of Houston',
  creditUnit: 'US_SEMESTER',
  totalCredits: 30,
  admissionRequired: true,
  requirements: {
    id: 'ms-scm',
    allOf: [
      { id: 'scm-core', label: 'Supply chain management courses (at Bauer)', credits: 18, filter: { source: 'home', fields: ['supply-chain'] } },
      { id: 'business-fundamentals', label: 'Business fundamentals', credits: 6, filter: { source: 'home', fields: ['business'] } },
      { id: 'electives', label: 'Graduate electives in business administration', credits: 6, filter: { fields: ['business', 'analytics'] } },
    ],
  },
};

const policy = {
  id: 'uh-bauer-transfer',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: UH,
  programId: PROGRAM,
  creditUnit: 'US_SEMESTER',
  acceptedIssuers: [ESU],
  unmatched: 'elective',
  excludeFields: ['supply-chain'],
  minGrade: 'B',
  maxAgeYears: 5,
  levels: ['EQF7'],
  admissionRequired: true,
  transferCap: { maxCredits: 6 },
};

const esu = (key: string, course: string, grade: string, completedOn: string): CompletionDef => ({ key, issuer: ESU, courseId: `esu.${course}`, grade: { scale: 'letter', value: grade }, completedOn });
const ALL = ['SC0x', 'SC1x', 'SC2x', 'SC3x', 'SC4x', 'CFx'];
const denied = (reason: string) => ({ outcome: 'denied' as const, credits: '0', reason });
const everything = ['ms-scm/scm-core', 'ms-scm/business-fundamentals', 'ms-scm/electives'];

describe('University of Houston Bauer MS in Supply Chain Management: no transfer credit for supply chain courses', () => {
  const world = scenarioWorld({
    institutions: [
      { id: UH, name: 'University of Houston, Bauer College of Business', country: 'US', creditUnit: 'US_SEMESTER', roles: ['registrar'] },
      { id: MITX, name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER', roles: ['issuer'] },
      { id: ESU, name: 'Example State University graduate school (hypothetical)', country: 'US', creditUnit: 'US_SEMESTER', roles: ['issuer'] },
      { id: 'uni-monterrey', name: 'Universidad de Monterrey (submitting)', country: 'MX', creditUnit: 'US_SEMESTER', roles: ['submitter'] },
    ],
    async prepare(w) {
      await w.defineCourses(MITX, scmCourses());
      const def = (code: string, title: string, field: string, eqfLevel = 7) => ({ courseId: `esu.${code}`, title, credits: '3', unit: 'US_SEMESTER' as const, eqfLevel, field });
      await w.defineCourses(ESU, [
        def('MGT-6100', 'Managerial Economics (graduate)', 'business'),
        def('MGT-6200', 'Business Analytics (graduate)', 'analytics'),
        def('MGT-3100', 'Principles of Management (undergraduate)', 'business', 6),
        def('SCM-6300', 'Logistics Management (graduate)', 'supply-chain'),
      ]);
      await w.publish(UH, program, policy);
    },
  });

  describeLearner('MITx SCM MicroMasters holder: no transfer credit at all (supply chain courses excluded, MOOCs are not graduate coursework)', world, target, {
    completions: scmCompletions(ALL, 2026, 1),
    credentials: [scmCredential(ALL, '2026-08-01')],
    admittedOn: '2026-08-20',
    items: Object.fromEntries([...ALL, 'MM'].map((k) => [k, denied('ISSUER_NOT_ACCEPTED')])),
    program: { credits: '0', need: '30', requirementsSatisfied: false, missing: everything },
  });

  describeLearner('graduate business course with B+, two years old: 3 hours of elective transfer credit', world, target, {
    completions: [esu('econ', 'MGT-6100', 'B+', '2025-05-10')],
    admittedOn: '2026-08-20',
    items: { econ: { outcome: 'granted', credits: '3', reason: 'ELECTIVE_CREDIT' } },
    program: { credits: '3', need: '30', requirementsSatisfied: false, missing: everything },
  });

  describeLearner('near misses: B- (below B), a 2012 course (over five years), an undergraduate course: none transfers', world, target, {
    completions: [esu('b-minus', 'MGT-6200', 'B-', '2025-12-10'), esu('old', 'MGT-6100', 'A', '2012-05-10'), esu('undergrad', 'MGT-3100', 'A', '2025-05-10')],
    admittedOn: '2026-08-20',
    items: { 'b-minus': denied('BELOW_MIN_GRADE'), old: denied('TOO_OLD'), undergrad: denied('LEVEL_MISMATCH') },
    program: { credits: '0', need: '30', requirementsSatisfied: false, missing: everything },
  });

  describeLearner('near miss, a graduate supply chain course from an accepted university: supply chain courses do not transfer', world, target, {
    completions: [esu('logistics', 'SCM-6300', 'A', '2025-12-10')],
    admittedOn: '2026-08-20',
    items: { logistics: { credits: '0', decideAs: { outcome: 'denied', reason: 'FIELD_EXCLUDED' } } },
    program: { credits: '0', need: '30', requirementsSatisfied: false, missing: everything },
  });
});
