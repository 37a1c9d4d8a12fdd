import { evaluateProgram, HeldCredential, Program, ProgramEvaluation, RecognitionEvaluation, RecognitionEvidence } from '@app/requirements';
import { effectivePolicyAmong, inEffectOnAnyDate, policyVersionOf, PublishedPolicy, runEvaluation } from '@app/transfer';
import { EvaluatedEligibility } from './eligibility-answer';
import { explain } from './explain-eligibility';

export interface EligibilityInputs {
  learnerId: string;
  program: { programId: string; version: string; institutionId: string; program: Program };
  /** The receiving institution's published policies (the one in effect on the date is chosen). */
  policies: PublishedPolicy[];
  /** Or this exact policy version (what-if), instead of the one in effect on the date; applied as if in effect then. */
  policyOverride?: PublishedPolicy & { version: string };
  evidence: RecognitionEvidence[];
  credentialsHeld: HeldCredential[];
  admitted: boolean;
  referenceDate: string;
}

/**
 * Pure: recognition of every piece of the learner's evidence under the policy in effect (the
 * same choice and the same engine calls as the transfer context's automatic evaluation), then the
 * program evaluation of the recognized credit with the credentials held. Without a policy in
 * effect nothing external is recognized and the program is evaluated on credentials alone.
 */
export function evaluateEligibility(inputs: EligibilityInputs): EvaluatedEligibility {
  const { program, referenceDate, admitted } = inputs;
  const policy = inputs.policyOverride ? pinned(inputs.policyOverride) : effectivePolicyAmong(inputs.policies, program.programId, referenceDate);
  let recognition: RecognitionEvaluation | null = null;
  let evaluation: ProgramEvaluation;
  if (policy) {
    ({ recognition, evaluation } = runEvaluation({
      referenceDate,
      program,
      policy,
      admission: { admitted, read: null },
      learner: { evidence: inputs.evidence, credentialsHeld: inputs.credentialsHeld },
    }));
  } else {
    evaluation = evaluateProgram(program.program, [], { referenceDate, admitted, credentialsHeld: inputs.credentialsHeld });
  }
  const titles = new Map(inputs.evidence.map((e) => [e.id, e.title ?? e.code ?? e.id]));
  const r = evaluation.residency;
  const answer: EvaluatedEligibility = {
    learnerId: inputs.learnerId,
    programId: program.programId,
    programVersion: program.version,
    institutionId: program.institutionId,
    engineVersion: evaluation.engineVersion,
    referenceDate,
    policy: policy ? { policyId: policy.policyId, version: policy.summary.version } : null,
    result: evaluation.result,
    requirementsSatisfied: evaluation.requirementsSatisfied,
    totalCredits: { have: evaluation.totalCredits.have.exact, need: evaluation.totalCredits.need.exact, satisfied: evaluation.totalCredits.satisfied },
    admission: { ...evaluation.admission },
    residency: {
      outcome: r.outcome,
      pathway: r.pathway ? { id: r.pathway.id, label: r.pathway.label ?? null } : null,
      months: r.requirement.months ?? null,
      terms: r.requirement.terms ?? null,
      standard: { months: r.standard.months ?? null, terms: r.standard.terms ?? null },
      reasons: r.pathwaysConsidered.flatMap((p) => (p.applies ? p.basis.map((b) => `${p.id}: ${b}`) : p.reasons.map((why) => `${p.id}: ${why}`))),
    },
    recognized: (recognition?.decisions ?? []).map((d) => ({
      itemId: d.evidenceId,
      title: titles.get(d.evidenceId) ?? d.evidenceId,
      decision: d.decision,
      creditsGranted: d.creditsGranted.exact,
      unit: recognition?.creditUnit ?? program.program.creditUnit,
      reasons: [...d.reasons],
    })),
    missing: evaluation.missing.map((m) => ({ rulePath: m.rulePath, message: m.message })),
    explanation: [],
  };
  answer.explanation = explain(answer, program.program.title ?? null);
  return answer;
}

function pinned(override: PublishedPolicy & { version: string }) {
  const version = policyVersionOf(override, override.version);
  return version ? inEffectOnAnyDate(version) : null;
}
