/**
 * The Open University (UK): 15-credit postgraduate microcredentials (studied on FutureLearn)
 * counted towards an OU postgraduate qualification.
 *
 * Sources: https://www.open.ac.uk/postgraduate/redirect/microcredentials-and-ou-qualifications ;
 * http://www8.open.ac.uk/study/credit-transfer/ ; http://www.openuniversity.edu/register/credit-transfer ;
 * http://www.openuniversity.edu/courses/microcredentials/cyber-security-tzfm862
 * Facts used:
 * - "Each course lasts 12 weeks and requires 13 hours of study per week. Upon completion, the 15
 *   credits you are awarded can then be counted towards your postgraduate qualification";
 * - only the microcredentials listed for a qualification count towards it; entry requirements
 *   and study duration of the qualification still apply;
 * - OU microcredentials "have a credit value at either undergraduate or postgraduate level";
 * - "A number of our qualifications permit previous study completed up to 16 years ago to be
 *   considered for credit transfer";
 * - one credit is about 10 hours of study; 60 OU credits are broadly 30 ECTS.
 * Assumptions: a 60-credit postgraduate certificate with one 15-credit microcredential option and
 * 45 credits of OU modules (the qualification's structure is this library's); the listed
 * microcredentials are "Cyber security operations" and "Online teaching" (a third one, "Digital
 * leadership", is not listed for it); a microcredential is recorded as one pass/fail completion;
 * the 16-year limit is applied to it; postgraduate level = EQF 7.
 */
import { CompletionDef } from './support/learner-case';
import { describeLearner, scenarioWorld } from './support/scenario';

const OU = 'open-university';
const PROGRAM = 'ou-pgcert-computing';
const target = { registrar: OU, submitter: 'employer-ld-team', programId: PROGRAM };

const program = {
  id: PROGRAM,
  version: '2026-2027',
  title: 'Open University Postgraduate Certificate (microcredential option)',
  institution: 'The Open University',
  creditUnit: 'UK_CATS',
  totalCredits: 60,
  admissionRequired: false,
  requirements: {
    id: 'pgcert',
    allOf: [
      { id: 'microcredential-option', label: 'One listed 15-credit postgraduate microcredential', credits: 15, filter: { source: 'transfer', tags: ['ou-listed-microcredential'] } },
      { id: 'ou-modules', label: 'OU postgraduate modules', credits: 45, filter: { source: 'home' } },
    ],
  },
};

const listed = (id: string, code: string) => ({ id, match: { issuer: OU, code, kind: 'course' as const }, grant: { as: 'elective' as const, credits: 15, field: 'computing', tags: ['ou-listed-microcredential'] } });
const policy = {
  id: 'ou-microcredential-credit',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: OU,
  programId: PROGRAM,
  creditUnit: 'UK_CATS',
  acceptedIssuers: [OU],
  levels: ['EQF7'],
  maxAgeYears: 16,
  minGrade: 'P',
  equivalencies: [listed('cyber-security-operations', 'ou.mc-cyber-security-operations'), listed('online-teaching', 'ou.mc-online-teaching'), listed('online-teaching-ug', 'ou.mc-online-teaching-ug')],
};

const mc = (key: string, courseId: string, completedOn: string, grade = 'P'): CompletionDef => ({ key, issuer: OU, courseId, grade: { scale: 'pass-fail', value: grade }, completedOn });
const counted = { outcome: 'granted' as const, credits: '15', reason: 'ELECTIVE_CREDIT' };
const denied = (reason: string) => ({ outcome: 'denied' as const, credits: '0', reason });

describe('The Open University: a 15-credit postgraduate microcredential counted towards a PG certificate', () => {
  const world = scenarioWorld({
    institutions: [
      { id: OU, name: 'The Open University', country: 'GB', creditUnit: 'UK_CATS', roles: ['issuer', 'registrar'] },
      { id: 'employer-ld-team', name: 'Employer learning and development team (submitting)', country: 'GB', creditUnit: 'UK_CATS', roles: ['submitter'] },
    ],
    async prepare(w) {
      const def = (courseId: string, title: string, eqfLevel: number) => ({ courseId, title, credits: '15', unit: 'UK_CATS' as const, eqfLevel, field: 'computing', tags: ['microcredential'] });
      await w.defineCourses(OU, [
        def('ou.mc-cyber-security-operations', 'Cyber security operations (microcredential)', 7),
        def('ou.mc-online-teaching', 'Online teaching (microcredential)', 7),
        def('ou.mc-online-teaching-ug', 'Online teaching, undergraduate level (microcredential)', 6),
        def('ou.mc-digital-leadership', 'Digital leadership (microcredential, not listed for this qualification)', 7),
      ]);
      await w.publish(OU, program, policy);
    },
  });

  describeLearner('listed PG microcredential passed this year: 15 credits, the option is met, 45 credits of OU modules remain', world, target, {
    completions: [mc('cyber', 'ou.mc-cyber-security-operations', '2026-04-30')],
    items: { cyber: counted },
    program: { credits: '15', need: '60', requirementsSatisfied: false, satisfied: ['pgcert/microcredential-option'], missing: ['pgcert/ou-modules'] },
  });

  describeLearner('near miss, expired: the microcredential dates from 2008, beyond the 16-year limit', world, target, {
    completions: [mc('cyber-2008', 'ou.mc-cyber-security-operations', '2008-06-30')],
    items: { 'cyber-2008': denied('TOO_OLD') },
    program: { credits: '0', need: '60', requirementsSatisfied: false, missing: ['pgcert/microcredential-option', 'pgcert/ou-modules'] },
  });

  describeLearner('near miss, level mismatch: the undergraduate-level version of the microcredential', world, target, {
    completions: [mc('teaching-ug', 'ou.mc-online-teaching-ug', '2026-03-31')],
    items: { 'teaching-ug': denied('LEVEL_MISMATCH') },
    program: { credits: '0', need: '60', requirementsSatisfied: false, missing: ['pgcert/microcredential-option', 'pgcert/ou-modules'] },
  });

  describeLearner('near miss, failed assessment: a fail does not carry the 15 credits', world, target, {
    completions: [mc('teaching-fail', 'ou.mc-online-teaching', '2026-03-31', 'F')],
    items: { 'teaching-fail': denied('BELOW_MIN_GRADE') },
    program: { credits: '0', need: '60', requirementsSatisfied: false, missing: ['pgcert/microcredential-option', 'pgcert/ou-modules'] },
  });

  describeLearner('near miss, a microcredential not listed for this qualification: no credit towards it', world, target, {
    completions: [mc('leadership', 'ou.mc-digital-leadership', '2026-05-31')],
    items: { leadership: denied('NO_EQUIVALENCY') },
    program: { credits: '0', need: '60', requirementsSatisfied: false, missing: ['pgcert/microcredential-option', 'pgcert/ou-modules'] },
  });
});
