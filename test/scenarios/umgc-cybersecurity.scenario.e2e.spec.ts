/**
 * University of Maryland Global Campus (formerly UMUC): MS in Cybersecurity, credit for National
 * Defense University iCollege certificates.
 *
 * Source: http://www.umuc.edu/military/milprograms/irmc/nonpartner_cybersecurity.cfm (iCollege
 * non-partnership programs, cybersecurity) and the MS in Cybersecurity page
 * http://www.umuc.edu/academic-programs/legacy/cybersecurity.cfm
 * Facts used:
 * - Chief Information Security Officer (CISO) certificate: "may transfer up to 12 credits to UMUC
 *   and receive credit for CSEC 610 Cyberspace and Cybersecurity and CSEC 620 Human Aspects in
 *   Cybersecurity"; Information Assurance NSTISSI 4011: "up to 6 credits ... credit for CSEC 620";
 * - "Transferred credits will be accepted only as a block equivalent to the number of accepted
 *   credits, and are awarded to iCollege students who have successfully met all graduation
 *   requirements ... UMUC will not accept the transfer of partial credit for any particular program";
 * - the MS requires 36 credits including a 6-credit end-of-program capstone; CSEC 610 and CSEC 620
 *   are 6-credit core courses.
 * Assumptions: the other core courses are CSEC 630, 640 and 650 (6 credits each) and the capstone
 * CSEC 670 (the legacy page lists 610 and 620 and the 6-credit capstone; the rest is this
 * library's); the CISO certificate has four courses; 12 credits is the most iCollege credit the
 * degree takes (the CISO block), so a second certificate adds nothing.
 * Language notes: one credential credited as two named courses is written as a 12-credit block
 * that satisfies the "CSEC 610 and 620" rule as an alternative; "no partial credit" cannot be
 * written (a policy cap grants partially), so the expected answer below is stated, not configured.
 */
import { CompletionDef, CredentialDef } from './support/learner-case';
import { describeLearner, scenarioWorld } from './support/scenario';

const UMGC = 'umgc';
const NDU = 'ndu-icollege';
const PROGRAM = 'umgc-ms-cybersecurity';
const target = { registrar: UMGC, submitter: 'us-army-education', programId: PROGRAM };

const course = (id: string, code: string, label: string) => ({ id, label, course: code });

const program = {
  id: PROGRAM,
  version: '2026-2027',
  title: 'UMGC Master of Science in Cybersecurity',
  institution: 'University of Maryland Global Campus',
  creditUnit: 'US_SEMESTER',
  totalCredits: 36,
  admissionRequired: true,
  requirements: {
    id: 'ms-csec',
    limits: [{ maxCredits: 12, filter: { source: 'transfer' }, label: 'iCollege certificate credit: one block of at most 12 credits' }],
    allOf: [
      {
        id: 'foundations',
        label: 'CSEC 610 and CSEC 620',
        anyOf: [
          { id: 'courses', allOf: [course('csec-610', 'UMGC.CSEC610', 'Cyberspace and Cybersecurity'), course('csec-620', 'UMGC.CSEC620', 'Human Aspects in Cybersecurity')] },
          { id: 'ciso-block', label: 'iCollege CISO certificate block (credit for CSEC 610 and CSEC 620)', credits: 12, filter: { source: 'transfer', tags: ['icollege-ciso-block'] } },
        ],
      },
      course('csec-630', 'UMGC.CSEC630', 'Prevention of Cyber Attack Methodologies'),
      course('csec-640', 'UMGC.CSEC640', 'Monitoring, Auditing, Intrusion Detection'),
      course('csec-650', 'UMGC.CSEC650', 'Cyber Crime Investigation and Digital Forensics'),
      course('capstone', 'UMGC.CSEC670', 'Capstone'),
    ],
  },
};

const policy = {
  id: 'umgc-icollege-transfer',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: UMGC,
  programId: PROGRAM,
  creditUnit: 'US_SEMESTER',
  acceptedIssuers: [NDU],
  completeCredentialRequired: true,
  admissionRequired: true,
  equivalencies: [
    { id: 'ciso', match: { issuer: NDU, code: 'ICOLLEGE-CISO', kind: 'credential' }, grant: { as: 'elective', credits: 12, field: 'cybersecurity', tags: ['icollege-ciso-block'] } },
    { id: 'nstissi-4011', match: { issuer: NDU, code: 'NSTISSI-4011', kind: 'credential' }, grant: { as: 'course', courseId: 'UMGC.CSEC620', credits: 6 } },
  ],
  transferCap: { maxCredits: 12 },
};

const CISO = ['ciso-1', 'ciso-2', 'ciso-3', 'ciso-4'];
const done = (key: string, on: string): CompletionDef => ({ key, issuer: NDU, courseId: `ndu.${key}`, grade: { scale: 'letter', value: 'A-' }, completedOn: on });
const cisoCourses = (n: number, year: number) => CISO.slice(0, n).map((k, i) => done(k, `${year}-0${i + 2}-10`));
const credential = (key: string, code: string, title: string, over: string[], issuedOn: string, complete = true): CredentialDef => ({
  key, issuer: NDU, type: 'professional-certificate', code, title, over, complete, issuedOn, eqfLevel: 7, workload: { credits: code === 'ICOLLEGE-CISO' ? '12' : '6', unit: 'US_SEMESTER' },
});
const ciso = (issuedOn: string, over = CISO, complete = true) => credential('CISO', 'ICOLLEGE-CISO', 'Chief Information Security Officer certificate', over, issuedOn, complete);
const ia4011 = (issuedOn: string) => credential('IA4011', 'NSTISSI-4011', 'Information Assurance NSTISSI 4011 certification', ['ia-4011'], issuedOn);
const component = { credits: '0', decideAs: { outcome: 'denied' as const, reason: 'CREDENTIAL_INCOMPLETE' } };
const others = ['ms-csec/csec-630', 'ms-csec/csec-640', 'ms-csec/csec-650', 'ms-csec/capstone'];

describe('UMGC MS in Cybersecurity: NDU iCollege certificates credited as one block', () => {
  const world = scenarioWorld({
    institutions: [
      { id: UMGC, name: 'University of Maryland Global Campus', country: 'US', creditUnit: 'US_SEMESTER', roles: ['registrar'] },
      { id: NDU, name: 'National Defense University iCollege', country: 'US', creditUnit: 'US_SEMESTER', roles: ['issuer'] },
      { id: 'us-army-education', name: 'Army education center (submitting for the learner)', country: 'US', creditUnit: 'US_SEMESTER', roles: ['submitter'] },
    ],
    async prepare(w) {
      const courses = [...CISO, 'ia-4011'].map((k) => ({ courseId: `ndu.${k}`, title: `iCollege ${k}`, credits: '3', unit: 'US_SEMESTER' as const, eqfLevel: 7, field: 'cybersecurity' }));
      await w.defineCourses(NDU, courses);
      await w.publish(UMGC, program, policy);
    },
  });

  describeLearner('CISO certificate completed: 12 credits as one block, CSEC 610 and 620 satisfied', world, target, {
    completions: cisoCourses(4, 2026),
    credentials: [ciso('2026-06-30')],
    admittedOn: '2026-08-01',
    submit: ['CISO'],
    items: { CISO: { outcome: 'granted', credits: '12', reason: 'ELECTIVE_CREDIT' }, ...Object.fromEntries(CISO.map((k) => [k, { credits: '0' }])) },
    program: { credits: '12', need: '36', requirementsSatisfied: false, satisfied: ['ms-csec/foundations'], missing: others },
  });

  describeLearner('near miss, CISO certificate not completed (three of four courses): no partial credit', world, target, {
    completions: cisoCourses(3, 2026),
    credentials: [ciso('2026-06-30', CISO.slice(0, 3), false)],
    admittedOn: '2026-08-01',
    items: { CISO: { outcome: 'denied', credits: '0', reason: 'CREDENTIAL_INCOMPLETE' }, ...Object.fromEntries(CISO.slice(0, 3).map((k) => [k, component])) },
    program: { credits: '0', need: '36', requirementsSatisfied: false, missing: ['ms-csec/foundations', ...others] },
  });

  describeLearner('NSTISSI 4011 only: 6 credits for CSEC 620; the answer asks for CSEC 610, never for the CSEC 620 held', world, target, {
    completions: [done('ia-4011', '2026-03-05')],
    credentials: [ia4011('2026-03-31')],
    admittedOn: '2026-08-01',
    submit: ['IA4011'],
    items: { IA4011: { outcome: 'granted', credits: '6', reason: 'EQUIVALENT_COURSE', as: 'UMGC.CSEC620' }, 'ia-4011': { credits: '0' } },
    program: { credits: '6', need: '36', requirementsSatisfied: false, missing: ['ms-csec/foundations', ...others], held: ['UMGC.CSEC620'], names: [['UMGC.CSEC610', 'Cyberspace and Cybersecurity']] },
  });

  describeLearner('cap binds: an older NSTISSI 4011 and the CISO block; the whole block is credited (12), the 4011 adds nothing, nothing partial', world, target, {
    completions: [done('ia-4011', '2025-10-01'), ...cisoCourses(4, 2026)],
    credentials: [ia4011('2025-11-10'), ciso('2026-06-30')],
    admittedOn: '2026-08-01',
    submit: ['IA4011', 'CISO'],
    items: {
      CISO: { outcome: 'granted', credits: '12', reason: 'ELECTIVE_CREDIT' },
      IA4011: { outcome: 'denied', credits: '0', reason: 'CAP_EXCEEDED' },
      'ia-4011': { credits: '0' },
      ...Object.fromEntries(CISO.map((k) => [k, { credits: '0' }])),
    },
    program: { credits: '12', need: '36', requirementsSatisfied: false, satisfied: ['ms-csec/foundations'], missing: others },
  });
});
