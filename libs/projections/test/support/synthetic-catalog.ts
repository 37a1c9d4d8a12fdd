import { CourseDefinition } from '@app/records';
import { policies, programs } from '../../../requirements/fixtures';
import { courseBody, ONLINE, scmPolicy, scmProgram } from '../../../transfer/test/scm-pathway.http-fixtures';

/**
 * The catalog of the synthetic log: two issuers (MITx with the SCM MicroMasters courses, GTx with
 * analytics courses), two receiving institutions with a program and a recognition policy each (the
 * MIT SCM blended program and policy of the engine's fixtures, and the edX 50% pathway of Example
 * State University), a later version of the SCM program, and a later SCM policy version that
 * supersedes (`closes`) the first.
 */
export const MITX = 'mitx';
export const GTX = 'gtx';
export const MIT = 'mit';
export const ESU = 'esu';
export const SUBMITTERS = ['uni-porto', 'uni-lisbon'] as const;

export const SCM_PROGRAM = 'mit-scm';
export const SCM_POLICY = 'mit-scm-recognition';
export const ESU_PROGRAM = 'esu-ms-analytics';
export const ESU_POLICY = 'esu-edx-micromasters';

export const MITX_COURSES: CourseDefinition[] = ONLINE.map((code) => ({ ...courseBody(code), issuerId: MITX } as CourseDefinition));

export const GTX_COURSES: CourseDefinition[] = ['isye6501x', 'isye6740x', 'mgt6203x', 'isye6414x'].map((code) => ({
  courseId: `gtx.${code}`,
  issuerId: GTX,
  title: `Analytics ${code}`,
  credits: '3',
  unit: 'US_SEMESTER',
  eqfLevel: 7,
  field: 'analytics',
  tags: ['analytics'],
  assessmentType: 'proctored-exam',
}));

export interface CatalogPublication {
  kind: 'program' | 'policy';
  id: string;
  institutionId: string;
  definition: Record<string, unknown>;
}

/** Published before any learner activity. */
export function initialCatalog(): CatalogPublication[] {
  return [
    { kind: 'program', id: SCM_PROGRAM, institutionId: MIT, definition: scmProgram() },
    { kind: 'policy', id: SCM_POLICY, institutionId: MIT, definition: scmPolicy() },
    { kind: 'program', id: ESU_PROGRAM, institutionId: ESU, definition: clone(programs.edxProgram) },
    { kind: 'policy', id: ESU_POLICY, institutionId: ESU, definition: esuPolicy() },
  ];
}

/** Published half-way through: the 2027-2028 SCM program and the SCM policy 2027.1, which closes 2026.1 on 2027-01-01. */
export function laterCatalog(): CatalogPublication[] {
  return [
    { kind: 'program', id: SCM_PROGRAM, institutionId: MIT, definition: { ...scmProgram(), version: '2027-2028' } },
    { kind: 'policy', id: SCM_POLICY, institutionId: MIT, definition: { ...scmPolicy(), version: '2027.1', effectiveFrom: '2027-01-01', minGrade: 65 } },
  ];
}

function esuPolicy(): Record<string, unknown> {
  const policy = clone(policies.edxPolicy);
  return { ...policy, receivingInstitution: ESU, acceptedIssuers: [MITX, GTX] };
}

function clone(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
