/**
 * RWTH Aachen University: M.Sc. Mechanical Engineering, recognition of European micro-credentials
 * (ECTS, EQF) under the 30 CP limit on externally completed credit.
 *
 * Sources: https://www.maschinenbau.rwth-aachen.de/cms/Maschinenbau/Studium/Internationales/Auslandsaufenthalt/Ab-ins-Ausland-Austauschprogramme-und/Anerkennung/~fycb/Anerkennung-von-Kursen-und-Pruefungen/lidx/1/
 * (accreditation of classes and exams); https://www.rwth-aachen.de/cms/root/studium/Im-Studium/Internationales/Outgoing/~brjv/Anerkennung-Auslandsaufenthalt/lidx/1/
 * (recognition under the Lisbon Convention); the Common Microcredential Framework:
 * https://partners.futurelearn.com/hc/en-us/articles/7855343302162-Common-Microcredential-Framework-CMF
 * Facts used:
 * - "Master Courses of Study: A maximum of 30 CP can be completed externally";
 * - accreditation requires "content-related suitability or sufficient content-related similarity
 *   to a RWTH module"; recognition checks "whether there is a significant difference between the
 *   competencies acquired and the competencies that are to be acquired" (Lisbon Convention);
 * - CMF micro-credentials: 100-150 hours, "4-6 ECTS", levelled at EQF 6-7, a summative assessment,
 *   identity verification, a transcript with learning outcomes, EQF level and credit points.
 * Assumptions: the M.Sc. is 120 CP with two compulsory modules, 48 CP of electives, 12 CP of
 * project work, 18 CP of specialisation and the thesis (structure is this library's); only EQF 7
 * micro-credentials count toward the master (EQF 6 is bachelor level); an accepted micro-credential
 * with no specific equivalent module counts as elective CP; a TU Delft control micro-credential is
 * equivalent to the compulsory Control Engineering module; issuers are TU Delft and KU Leuven; the
 * micro-credentials' titles are this library's.
 * Expected allocation when the 30 CP limit binds (issue 13): requirements first, then credit,
 * then date (older first).
 */
import { CompletionDef, CredentialDef } from './support/learner-case';
import { describeLearner, scenarioWorld } from './support/scenario';

const RWTH = 'rwth';
const TUD = 'tu-delft';
const KUL = 'ku-leuven';
const PROGRAM = 'rwth-msc-me';
const target = { registrar: RWTH, submitter: 'daad-office', programId: PROGRAM };

const program = {
  id: PROGRAM,
  version: '2026',
  title: 'RWTH Aachen M.Sc. Mechanical Engineering',
  institution: 'RWTH Aachen University',
  creditUnit: 'ECTS',
  totalCredits: 120,
  admissionRequired: true,
  requirements: {
    id: 'msc-me',
    limits: [{ maxCredits: 30, filter: { source: 'transfer' }, label: 'At most 30 CP completed externally' }],
    allOf: [
      {
        id: 'compulsory',
        label: 'Compulsory modules',
        allOf: [
          { id: 'control-engineering', label: 'Control Engineering (advanced)', course: 'RWTH.ME-CONTROL' },
          { id: 'fluid-mechanics', label: 'Fluid Mechanics II', course: 'RWTH.ME-FLUID2' },
        ],
      },
      { id: 'electives', label: 'Elective modules', credits: 48 },
      { id: 'specialisation', label: 'Specialisation modules at RWTH', credits: 18, filter: { source: 'home' } },
      { id: 'project-work', label: 'Project work', credits: 12, filter: { source: 'home' } },
      { id: 'thesis', label: "Master's thesis", course: 'RWTH.ME-THESIS', filter: { source: 'home' } },
    ],
  },
};

const policy = {
  id: 'rwth-me-external-credit',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: RWTH,
  programId: PROGRAM,
  creditUnit: 'ECTS',
  acceptedIssuers: [TUD, KUL],
  admissionRequired: true,
  levels: ['EQF7'],
  unmatched: 'elective',
  equivalencies: [{ id: 'tud-control', match: { issuer: TUD, code: 'tud.MC-CONTROL', kind: 'course' }, grant: { as: 'course', courseId: 'RWTH.ME-CONTROL', credits: 6 } }],
  transferCap: { maxCredits: 30 },
};

const mc = (key: string, issuer: string, code: string, completedOn: string): CompletionDef => ({ key, issuer, courseId: code, grade: { scale: 'percent', value: '81' }, completedOn });
const kul = (n: number, completedOn: string) => mc(`kul-${n}`, KUL, `kul.MC-${n}`, completedOn);
const elective = { outcome: 'granted' as const, credits: '6', reason: 'ELECTIVE_CREDIT' };
const capped = { outcome: 'denied' as const, credits: '0', reason: 'CAP_EXCEEDED' };
const rest = ['msc-me/specialisation', 'msc-me/project-work', 'msc-me/thesis'];
const SOLAR = ['tud-pv-1', 'tud-pv-2', 'tud-pv-3', 'tud-pv-4'];

describe('RWTH Aachen M.Sc. Mechanical Engineering: European micro-credentials within the 30 CP external limit', () => {
  const world = scenarioWorld({
    institutions: [
      { id: RWTH, name: 'RWTH Aachen University', country: 'DE', creditUnit: 'ECTS', roles: ['registrar'] },
      { id: TUD, name: 'Delft University of Technology', country: 'NL', creditUnit: 'ECTS', roles: ['issuer'] },
      { id: KUL, name: 'KU Leuven', country: 'BE', creditUnit: 'ECTS', roles: ['issuer'] },
      { id: 'daad-office', name: 'International office (submitting for the learner)', country: 'DE', creditUnit: 'ECTS', roles: ['submitter'] },
    ],
    async prepare(w) {
      const def = (courseId: string, title: string, eqfLevel = 7) => ({ courseId, title, credits: '6', unit: 'ECTS' as const, eqfLevel, field: 'mechanical-engineering', tags: ['cmf-microcredential'] });
      await w.defineCourses(KUL, [1, 2, 3, 4, 5, 6].map((n) => def(`kul.MC-${n}`, `KU Leuven micro-credential ${n} (EQF 7, 6 ECTS)`)).concat([def('kul.MC-BSC', 'KU Leuven micro-credential, bachelor level (EQF 6)', 6)]));
      await w.defineCourses(TUD, [def('tud.MC-CONTROL', 'TU Delft micro-credential: advanced control (EQF 7)'), ...SOLAR.map((k) => def(`tud.${k}`, `TU Delft solar energy course ${k}`))]);
      await w.publish(RWTH, program, policy);
    },
  });

  describeLearner('five EQF 7 micro-credentials of 6 ECTS: all 30 CP recognized as electives, exactly the limit', world, target, {
    completions: [1, 2, 3, 4, 5].map((n) => kul(n, `2026-0${n}-15`)),
    admittedOn: '2026-09-01',
    items: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`kul-${n}`, elective])),
    program: { credits: '30', need: '120', requirementsSatisfied: false, missing: ['msc-me/compulsory', 'msc-me/electives', ...rest] },
  });

  describeLearner('cap binds: six older elective micro-credentials and a newer one equivalent to a compulsory module; the compulsory module is credited first', world, target, {
    completions: [...[1, 2, 3, 4, 5, 6].map((n) => kul(n, `2025-0${n}-15`)), mc('control', TUD, 'tud.MC-CONTROL', '2026-03-20')],
    admittedOn: '2026-09-01',
    items: {
      control: { outcome: 'granted', credits: '6', reason: 'EQUIVALENT_COURSE', as: 'RWTH.ME-CONTROL' },
      'kul-1': elective, 'kul-2': elective, 'kul-3': elective, 'kul-4': elective,
      'kul-5': capped, 'kul-6': capped,
    },
    program: {
      credits: '30', need: '120', requirementsSatisfied: false,
      satisfied: ['msc-me/compulsory/control-engineering'], missing: ['msc-me/compulsory/fluid-mechanics', 'msc-me/electives', ...rest], held: ['RWTH.ME-CONTROL'],
    },
  });

  describeLearner('the compulsory-module micro-credential and two electives (within the limit): the answer never asks for the module held', world, target, {
    completions: [mc('control', TUD, 'tud.MC-CONTROL', '2026-03-20'), kul(1, '2026-04-15'), kul(2, '2026-05-15')],
    admittedOn: '2026-09-01',
    items: { control: { outcome: 'granted', credits: '6', reason: 'EQUIVALENT_COURSE', as: 'RWTH.ME-CONTROL' }, 'kul-1': elective, 'kul-2': elective },
    program: {
      credits: '18', need: '120', requirementsSatisfied: false,
      satisfied: ['msc-me/compulsory/control-engineering'], missing: ['msc-me/compulsory/fluid-mechanics', 'msc-me/electives', ...rest], held: ['RWTH.ME-CONTROL'], names: [['RWTH.ME-FLUID2', 'Fluid Mechanics II']],
    },
  });

  describeLearner('near miss, level mismatch: an EQF 6 micro-credential is not master-level learning', world, target, {
    completions: [mc('bsc', KUL, 'kul.MC-BSC', '2026-04-10'), kul(1, '2026-05-10')],
    admittedOn: '2026-09-01',
    items: { bsc: { outcome: 'denied', credits: '0', reason: 'LEVEL_MISMATCH' }, 'kul-1': elective },
    program: { credits: '6', need: '120', requirementsSatisfied: false, missing: ['msc-me/compulsory', 'msc-me/electives', ...rest] },
  });

  const solarCredential: CredentialDef = {
    key: 'MM', issuer: TUD, type: 'MicroMasters', code: 'TUD-SOLAR-MM', title: 'TU Delft MicroMasters in Solar Energy', over: SOLAR, complete: true, issuedOn: '2026-05-30', eqfLevel: 7, workload: { credits: '24', unit: 'ECTS' },
  };
  describeLearner('a MicroMasters submitted with its four modules: 24 CP through the modules, never the credential and its modules both', world, target, {
    completions: SOLAR.map((k, i) => mc(k, TUD, `tud.${k}`, `2026-0${i + 1}-28`)),
    credentials: [solarCredential],
    admittedOn: '2026-09-01',
    items: { ...Object.fromEntries(SOLAR.map((k) => [k, elective])), MM: { outcome: 'recognized', credits: '0', reason: 'RECOGNIZED_THROUGH_COMPONENTS' } },
    program: { credits: '24', need: '120', requirementsSatisfied: false, missing: ['msc-me/compulsory', 'msc-me/electives', ...rest] },
  });
});
