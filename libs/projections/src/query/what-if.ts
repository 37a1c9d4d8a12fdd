import { refuse } from '@app/kernel';
import { eqfCode, engineGradeOf, Grade, isPassingGrade } from '@app/records';
import { HeldCredential, LearnerItem, RecognitionEvidence } from '@app/requirements';
import { EligibilityInputs } from '../eligibility/evaluate-eligibility';
import { EligibilityInputsLoader } from '../eligibility/eligibility-inputs.loader';

export interface HypotheticalCompletion {
  courseId: string;
  issuerId: string;
  title: string;
  credits: string;
  unit: string;
  eqfLevel: number;
  field: string;
  tags?: string[];
  grade: Grade;
  completedOn: string;
  identityVerified?: boolean;
  assessmentType?: string;
  inResidence?: boolean;
}

export interface HypotheticalCredential {
  type: string;
  code?: string;
  title: string;
  issuerId: string;
  credits: string;
  unit: string;
  eqfLevel: number;
  issuedOn: string;
  complete: boolean;
}

/** What a what-if changes: another program version or policy version, extra (hypothetical) learning, another date. */
export interface WhatIfChanges {
  learnerId: string;
  programId: string;
  programVersion?: string;
  policy?: { policyId: string; version: string };
  on?: string;
  extraCompletions?: HypotheticalCompletion[];
  extraCredentials?: HypotheticalCredential[];
  /** bind (default): the registrar's decisions in force and exceptions (on requests and to the learner) stand; ignore: as if nothing were decided yet (what the engine alone proposes). */
  decisions?: 'bind' | 'ignore';
}

/** The engine inputs with the hypothetical changes applied (nothing is written anywhere). */
export async function applyWhatIf(inputs: EligibilityInputs, changes: WhatIfChanges, loader: EligibilityInputsLoader): Promise<EligibilityInputs> {
  const institutionId = inputs.program.institutionId;
  const isHome = (c: HypotheticalCompletion) => c.issuerId === institutionId && c.inResidence === true;
  // a hypothetical course of the institution's own, taken on its campus, counts as taken here (as in records)
  const home: LearnerItem[] = (changes.extraCompletions ?? []).map((c, i) => ({ c, i })).filter(({ c }) => isHome(c) && isPassingGrade(c.grade)).map(({ c, i }) => ({
    id: `home:what-if:completion:${i}`, source: 'home', courseId: c.courseId, title: c.title, credits: c.credits, unit: c.unit, level: eqfCode(c.eqfLevel),
    field: c.field, issuer: c.issuerId, grade: engineGradeOf(c.grade), date: c.completedOn, inResidence: true, ...(c.tags?.length ? { tags: [...c.tags] } : {}),
    ...(c.identityVerified !== undefined ? { identityVerified: c.identityVerified } : {}),
    ...(c.assessmentType !== undefined ? { assessmentType: c.assessmentType } : {}),
  }));
  const completions: RecognitionEvidence[] = (changes.extraCompletions ?? []).filter((c) => !isHome(c)).map((c, i) => ({
    id: `what-if:completion:${i}`,
    kind: 'course',
    issuer: c.issuerId,
    code: c.courseId,
    title: c.title,
    credits: c.credits,
    unit: c.unit,
    level: eqfCode(c.eqfLevel),
    field: c.field,
    grade: engineGradeOf(c.grade),
    date: c.completedOn,
    tags: [...(c.tags ?? [])],
    ...(c.identityVerified !== undefined ? { identityVerified: c.identityVerified } : {}),
    ...(c.assessmentType !== undefined ? { assessmentType: c.assessmentType } : {}),
  }));
  const credentials = (changes.extraCredentials ?? []).map((k, i) => {
    const id = `what-if:credential:${i}`;
    const evidence: RecognitionEvidence = {
      id,
      kind: 'credential',
      issuer: k.issuerId,
      code: k.code ?? id,
      title: k.title,
      credits: k.credits,
      unit: k.unit,
      level: eqfCode(k.eqfLevel),
      date: k.issuedOn,
      credential: { id, ...(k.code ? { code: k.code } : {}), type: k.type, complete: k.complete },
    };
    const held: HeldCredential = { id, ...(k.code ? { code: k.code } : {}), type: k.type, issuer: k.issuerId, complete: k.complete, awardedOn: k.issuedOn };
    return { evidence, held };
  });
  const next: EligibilityInputs = {
    ...inputs,
    ...(changes.decisions === 'ignore' ? { decided: [], exceptions: [], learnerExceptions: [] } : {}),
    homeItems: [...(inputs.homeItems ?? []), ...home],
    evidence: [...inputs.evidence, ...completions, ...credentials.map((c) => c.evidence)],
    credentialsHeld: [...inputs.credentialsHeld, ...credentials.map((c) => c.held)],
  };
  if (changes.policy) {
    const { published } = await loader.institutionPolicies(inputs.program.institutionId);
    const policy = published.find((p) => p.policyId === changes.policy?.policyId);
    const version = policy?.state.versions.find((v) => v.version === changes.policy?.version);
    if (!policy || !version) {
      throw refuse.notFound('policy-version-not-found', `${inputs.program.institutionId} has no policy ${changes.policy.policyId} version ${changes.policy.version}`);
    }
    if (version.programId !== null && version.programId !== inputs.program.programId) {
      throw refuse.invalid('policy-scope-mismatch', `policy ${changes.policy.policyId} version ${version.version} is scoped to program ${version.programId}, not ${inputs.program.programId}`, '/policy');
    }
    next.policyOverride = { ...policy, version: changes.policy.version };
  }
  return next;
}
