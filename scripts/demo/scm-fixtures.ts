/**
 * The MIT Supply Chain Management blended pathway as HTTP bodies, built from the engine's
 * fixtures (`libs/requirements/fixtures`) with the ids of one demo run: every id that is global
 * on the server (institutions, courses, program, policy) carries the run's tag, so the demo can
 * run again and again against the same server and data file.
 */
import programFixture from '../../libs/requirements/fixtures/mit-scm-blended.program.json';
import policyFixture from '../../libs/requirements/fixtures/mit-scm-blended.policy.json';

export type JsonObject = { [key: string]: unknown };

/** The MITx MicroMasters: five online courses and the proctored comprehensive exam. */
export const ONLINE_COURSES = ['sc0x', 'sc1x', 'sc2x', 'sc3x', 'sc4x'] as const;
export const COMPREHENSIVE_EXAM = 'cfx';
export const MICROMASTERS_CODES = [...ONLINE_COURSES, COMPREHENSIVE_EXAM] as const;
export type CourseCode = (typeof MICROMASTERS_CODES)[number];
/** The credential code of the engine's fixtures; a demo run tags it (see ScenarioIds). */
export const MICROMASTERS_CODE = 'MITx-SCM-MM';

const TITLES: Record<CourseCode, string> = {
  sc0x: 'Supply Chain Analytics',
  sc1x: 'Supply Chain Fundamentals',
  sc2x: 'Supply Chain Design',
  sc3x: 'Supply Chain Dynamics',
  sc4x: 'Supply Chain Technology and Systems',
  cfx: 'Comprehensive exam (proctored)',
};

export interface ScenarioIds {
  tag: string;
  /** The receiving institution (its registrar publishes and decides). */
  mit: string;
  /** The issuer of the MicroMasters. */
  mitx: string;
  /** The university that submits the request on the learner's behalf. */
  university: string;
  programId: string;
  policyId: string;
  /** The MicroMasters' credential code (codes are global, like course ids: MITx owns the one it defines). */
  credentialCode: string;
}

/** A short tag, different at each run: base-36 time plus two random characters. */
export function newRunTag(): string {
  return `${Date.now().toString(36).slice(-6)}${Math.random().toString(36).slice(2, 4)}`;
}

export function scenarioIds(tag: string): ScenarioIds {
  return {
    tag,
    mit: `mit-${tag}`,
    mitx: `mitx-${tag}`,
    university: `uni-porto-${tag}`,
    programId: `${programFixture.id}-${tag}`,
    policyId: `${policyFixture.id}-${tag}`,
    credentialCode: `${MICROMASTERS_CODE}-${tag}`,
  };
}

export const courseTitle = (code: CourseCode): string => TITLES[code];
export const courseIdOf = (ids: ScenarioIds, code: CourseCode): string => `${ids.mitx}.${code}`;

/** The program document, as in the engine's fixture, under this run's program id and credential code (its blended pathway). */
export function scmProgram(ids: ScenarioIds): JsonObject {
  const program = JSON.parse(JSON.stringify(programFixture).replace(/"MITx-SCM-MM"/g, JSON.stringify(ids.credentialCode))) as JsonObject;
  return { ...program, id: ids.programId };
}

/** The recognition policy, with this run's ids: issuer, course ids, program, receiving institution. */
export function scmPolicy(ids: ScenarioIds): JsonObject {
  const text = JSON.stringify(policyFixture)
    .replace(/"MITx"/g, JSON.stringify(ids.mitx))
    .replace(/"CTL\.(SC\dx|CFx)"/g, (_match, code: string) => JSON.stringify(courseIdOf(ids, code.toLowerCase() as CourseCode)));
  return { ...(JSON.parse(text) as JsonObject), id: ids.policyId, programId: ids.programId, receivingInstitution: ids.mit };
}

/** POST /courses body. */
export function courseBody(ids: ScenarioIds, code: CourseCode): JsonObject {
  return {
    courseId: courseIdOf(ids, code),
    title: courseTitle(code),
    credits: code === COMPREHENSIVE_EXAM ? '1' : '4',
    unit: 'US_SEMESTER',
    eqfLevel: 7,
    field: 'supply-chain',
    tags: ['core'],
    assessmentType: 'proctored-exam',
  };
}

/** POST /learners/:id/completions body: the k-th course passed, a month apart, identity verified. */
export function completionBody(ids: ScenarioIds, code: CourseCode, k: number): JsonObject {
  return {
    courseId: courseIdOf(ids, code),
    grade: { scale: 'percent', value: String(80 + k) },
    identityVerified: true,
    completedOn: `2025-0${k + 2}-15`,
  };
}

/** POST /credential-definitions/:code/versions body: the MicroMasters is its five online courses and the proctored exam, each passed. */
export function microMastersDefinitionBody(ids: ScenarioIds): JsonObject {
  return {
    version: '2025',
    title: MICROMASTERS_TITLE,
    type: 'MicroMasters',
    components: MICROMASTERS_CODES.map((code) => ({ courseId: courseIdOf(ids, code) })),
  };
}

const MICROMASTERS_TITLE = 'MicroMasters Program in Supply Chain Management';

/** POST /learners/:id/credentials body: the complete MicroMasters over its six completions (the code: the engine fixtures' by default). */
export function microMastersBody(completionIds: string[], code: string = MICROMASTERS_CODE): JsonObject {
  return {
    type: 'MicroMasters',
    code,
    title: MICROMASTERS_TITLE,
    issuedOn: '2025-09-01',
    learningOutcomes: ['Design supply chain networks'],
    workload: { credits: '20', unit: 'US_SEMESTER' },
    eqfLevel: 7,
    assessmentType: 'proctored-exam',
    participation: 'online',
    qualityAssurance: 'MIT internal review',
    stackability: 'stackable',
    completionIds,
    complete: true,
  };
}

/** The facts of the program the demo prints: versions and residency. */
export const programFacts = {
  version: programFixture.version,
  totalCredits: programFixture.totalCredits,
  creditUnit: programFixture.creditUnit,
  standardMonths: programFixture.residency.standard.months,
  reducedMonths: programFixture.residency.reducedPathways[0].residency.months,
  pathwayId: programFixture.residency.reducedPathways[0].id,
};
export const policyFacts = { version: policyFixture.version, effectiveFrom: policyFixture.effectiveFrom };
