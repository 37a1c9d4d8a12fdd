/**
 * Zaragoza Logistics Center (MIT-Zaragoza International Logistics Program): the blended master
 * (ZLOGb) for holders of the MITx MicroMasters credential in Supply Chain Management.
 *
 * Source: https://www.zlc.edu.es/es/educacion/blended-mit-zaragoza-masters/ (and the ZLOGb page
 * https://www.zlc.edu.es/es/educacion/mit-zaragoza-master-en-ingenieria-logistica-y-cadena-de-suministro-zlogb/)
 * Facts used:
 * - the blended master "allows learners to combine the MITx MicroMasters credential with one+
 *   semester at Zaragoza Logistics Center", with a three-week stay at MIT: the student comes to
 *   MIT for January and continues in Zaragoza through May;
 * - the credential requires passing the five online courses and the proctored comprehensive exam;
 * - admission reviews performance in the five courses and the CFx, a bachelor's degree,
 *   TOEFL 100 / IELTS 7, two years of work experience, a research proposal (admission is required;
 *   these criteria are the admission decision, recorded here as admitted or not);
 * - blended students complete the capstone in five months "instead of the usual 10 months".
 * Assumptions (not published there): the ZLOG is 60 ECTS; the MicroMasters is recognized as the
 * first semester (30 ECTS) and its components count only through it; the remaining structure
 * (January at MIT, a 24 ECTS spring term, the capstone) is this library's; standard residency
 * ten months, reduced to five (January to May) on the blended route.
 */
import { MITX, scmCompletions, scmCourses, scmCredential, throughCredential } from './support/mitx-scm';
import { describeLearner, scenarioWorld } from './support/scenario';
import { PROGRAM, program, policy, ZLC } from './support/zaragoza-zlog';

const target = { registrar: ZLC, submitter: 'uni-porto', programId: PROGRAM };

const ALL = ['SC0x', 'SC1x', 'SC2x', 'SC3x', 'SC4x', 'CFx'];
const components = Object.fromEntries(ALL.map((k) => [k, throughCredential]));
const onCampus = ['zlog/mit-january', 'zlog/spring-term', 'zlog/capstone'];

describe('Zaragoza Logistics Center blended master (ZLOGb): MITx SCM MicroMasters plus one semester', () => {
  const world = scenarioWorld({
    institutions: [
      { id: ZLC, name: 'Zaragoza Logistics Center', country: 'ES', creditUnit: 'ECTS', roles: ['registrar'] },
      { id: MITX, name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER', roles: ['issuer'] },
      { id: 'uni-porto', name: 'Universidade do Porto', country: 'PT', creditUnit: 'ECTS', roles: ['submitter'] },
    ],
    async prepare(w) {
      await w.defineCourses(MITX, scmCourses());
      await w.publish(ZLC, program, policy);
    },
  });

  describeLearner('complete MicroMasters, admitted: first semester recognized (30 ECTS), residency five months (January at MIT, Zaragoza to May)', world, target, {
    completions: scmCompletions(ALL, 2026, 1),
    credentials: [scmCredential(ALL, '2026-08-01')],
    admittedOn: '2026-09-15',
    submit: ['MM'],
    items: { MM: { outcome: 'granted', credits: '30', reason: 'ELECTIVE_CREDIT' }, ...components },
    program: {
      credits: '30', need: '60', requirementsSatisfied: false, admitted: true,
      satisfied: ['zlog/foundation'], missing: onCampus,
      residency: { outcome: 'reduced', pathway: 'blended', months: 5 },
      residencyBecause: ['MITx-SCM-MM', 'MicroMasters Program in Supply Chain Management'],
    },
  });

  describeLearner('near miss, one course short (four courses, no CFx, no credential): no credit and the standard ten months', world, target, {
    completions: scmCompletions(['SC0x', 'SC1x', 'SC2x', 'SC3x'], 2026, 1),
    admittedOn: '2026-09-15',
    items: Object.fromEntries(['SC0x', 'SC1x', 'SC2x', 'SC3x'].map((k) => [k, { outcome: 'denied' as const, credits: '0', reason: 'CREDENTIAL_INCOMPLETE' }])),
    program: {
      credits: '0', need: '60', requirementsSatisfied: false,
      missing: ['zlog/foundation', ...onCampus],
      residency: { outcome: 'standard', pathway: null, months: 10 },
    },
  });

  describeLearner('near miss, comprehensive exam below the pass mark (credential not complete): no credit, standard residency', world, target, {
    completions: [...scmCompletions(['SC0x', 'SC1x', 'SC2x', 'SC3x', 'SC4x'], 2026, 1), { key: 'CFx', issuer: MITX, courseId: 'mitx.CTL.CFx', grade: { scale: 'percent', value: '38' }, completedOn: '2026-07-20' }],
    credentials: [scmCredential(ALL, '2026-08-01', false)],
    admittedOn: '2026-09-15',
    submit: ['MM'],
    items: { MM: { outcome: 'denied', credits: '0', reason: 'CREDENTIAL_INCOMPLETE' }, ...components },
    program: {
      credits: '0', need: '60', requirementsSatisfied: false,
      missing: ['zlog/foundation', ...onCampus],
      residency: { outcome: 'standard', pathway: null, months: 10 },
    },
  });

  describeLearner('complete MicroMasters, not yet admitted (request evaluated, not decided): no credit until admission; the blended route is open', world, target, {
    completions: scmCompletions(ALL, 2026, 1),
    credentials: [scmCredential(ALL, '2026-08-01')],
    submit: ['MM'],
    decide: false,
    items: { MM: { outcome: 'denied', credits: '0', reason: 'ADMISSION_REQUIRED' }, ...components },
    program: {
      credits: '0', need: '60', requirementsSatisfied: false, admitted: false,
      missing: ['zlog/foundation', ...onCampus],
      residency: { outcome: 'reduced', pathway: 'blended', months: 5 },
    },
  });
});
