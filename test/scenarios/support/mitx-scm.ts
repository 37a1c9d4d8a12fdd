import { CompletionDef, CredentialDef } from './learner-case';
import { CourseDef, Grade } from './world';

/**
 * The MITx MicroMasters program credential in Supply Chain Management, as several receiving
 * institutions' pathways name it. Public facts (https://micromasters.mit.edu/scm/frequently-asked-questions/):
 * five online courses CTL.SC0x, SC1x, SC2x, SC3x, SC4x, a verified certificate in each, then the
 * proctored comprehensive final exam (CFx); passing the CFx earns the credential. MITx courses
 * carry no academic credit of their own: the 4 (courses) and 1 (CFx) US semester credits recorded
 * here are an assumption of this library (as in the engine's fixtures), and every pathway below
 * credits the credential, not these numbers.
 */
export const MITX = 'mitx';
export const SCM_COURSES = ['SC0x', 'SC1x', 'SC2x', 'SC3x', 'SC4x'] as const;
export const SCM_CODE = 'MITx-SCM-MM';

const TITLES: Record<string, string> = {
  SC0x: 'Supply Chain Analytics',
  SC1x: 'Supply Chain Fundamentals',
  SC2x: 'Supply Chain Design',
  SC3x: 'Supply Chain Dynamics',
  SC4x: 'Supply Chain Technology and Systems',
  CFx: 'Comprehensive Final Exam (proctored)',
};

export const scmCourseId = (code: string): string => `mitx.CTL.${code}`;

export function scmCourses(): CourseDef[] {
  return [...SCM_COURSES, 'CFx'].map((code) => ({
    courseId: scmCourseId(code),
    title: TITLES[code],
    credits: code === 'CFx' ? '1' : '4',
    unit: 'US_SEMESTER',
    eqfLevel: 7,
    field: 'supply-chain',
    tags: ['mitx-scm'],
    assessmentType: code === 'CFx' ? 'proctored-exam' : 'online-assessment',
  }));
}

const pct = (value: number): Grade => ({ scale: 'percent', value: String(value) });

/** Completions of the given codes ("SC0x", ..., "CFx"), a month apart from `firstMonth` of `year`. */
export function scmCompletions(codes: readonly string[], year: number, firstMonth = 1, grade = 82): CompletionDef[] {
  return codes.map((code, i) => ({
    key: code,
    issuer: MITX,
    courseId: scmCourseId(code),
    grade: pct(grade + i),
    completedOn: `${year}-${String(firstMonth + i).padStart(2, '0')}-15`,
  }));
}

/** The MicroMasters credential over the given completion keys. */
export function scmCredential(over: string[], issuedOn: string, complete = true): CredentialDef {
  return {
    key: 'MM',
    issuer: MITX,
    type: 'MicroMasters',
    code: SCM_CODE,
    title: 'MicroMasters Program in Supply Chain Management',
    over,
    complete,
    issuedOn,
    eqfLevel: 7,
    workload: { credits: '21', unit: 'US_SEMESTER' },
  };
}

/** Expected entry for a component counted only through the credential (no credit of its own). */
export const throughCredential = { credits: '0' } as const;
