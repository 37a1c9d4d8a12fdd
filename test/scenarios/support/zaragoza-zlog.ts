import { MITX } from './mitx-scm';

/**
 * The MIT-Zaragoza master (ZLOG / blended ZLOGb) and Zaragoza Logistics Center's recognition of
 * the MITx SCM MicroMasters, as ../zaragoza-logistics-blended.scenario.e2e.spec.ts models them
 * (its header names the sources: https://www.zlc.edu.es/es/educacion/blended-mit-zaragoza-masters/
 * and the ZLOGb page, the facts used and the assumptions). Shared with ../../item-spelling.e2e.spec.ts.
 */
export const ZLC = 'zlc';
export const PROGRAM = 'zlc-zlog';
export const program = {
  id: PROGRAM,
  version: '2026-2027',
  title: 'MIT-Zaragoza Master in Logistics and Supply Chain Management (ZLOG / blended ZLOGb)',
  institution: 'Zaragoza Logistics Center',
  creditUnit: 'ECTS',
  totalCredits: 60,
  admissionRequired: true,
  requirements: {
    id: 'zlog',
    allOf: [
      {
        id: 'foundation',
        label: 'First semester',
        anyOf: [
          { id: 'micromasters-semester', label: 'MITx SCM MicroMasters credential, recognized as the first semester', credits: 30, filter: { source: 'transfer', tags: ['mitx-scm-micromasters'] } },
          { id: 'residential-semester', label: 'First semester in Zaragoza', credits: 30, filter: { source: 'home', inResidence: true } },
        ],
      },
      { id: 'mit-january', label: 'January at MIT (three weeks)', course: 'ZLC.MIT-JANUARY', filter: { source: 'home', inResidence: true } },
      { id: 'spring-term', label: 'Spring term in Zaragoza', credits: 24, filter: { source: 'home', inResidence: true } },
      { id: 'capstone', label: 'Capstone research project', course: 'ZLC.CAPSTONE', filter: { source: 'home', inResidence: true } },
    ],
  },
  residency: {
    standard: { months: 10, description: 'Full-time ZLOG in Zaragoza (about ten months)' },
    reducedPathways: [
      {
        id: 'blended',
        label: 'Blended ZLOGb: MITx SCM MicroMasters credential',
        requires: [{ credential: { code: 'MITx-SCM-MM', type: 'MicroMasters', issuer: MITX } }],
        residency: { months: 5, description: 'January at MIT, then Zaragoza through May' },
      },
    ],
  },
};

export const policy = {
  id: 'zlc-mitx-scm-recognition',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  receivingInstitution: ZLC,
  programId: PROGRAM,
  creditUnit: 'ECTS',
  acceptedIssuers: [MITX],
  completeCredentialRequired: true,
  admissionRequired: true,
  equivalencies: [
    { id: 'mitx-scm-micromasters', match: { issuer: MITX, code: 'MITx-SCM-MM', kind: 'credential' }, grant: { as: 'elective', credits: 30, field: 'supply-chain', tags: ['mitx-scm-micromasters'] } },
  ],
};
