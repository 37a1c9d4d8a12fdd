import { evaluateProgram, HeldCredential, LearnerItem, Program, ProgramEvaluation, ProgramException, RecognitionEvaluation, RecognitionEvidence, toDecimal, parseRational } from '@app/requirements';
import { evidenceItemId } from '@app/records';
import { effectivePolicyAmong, inEffectOnAnyDate, LearnerExceptionRecord, policyVersionOf, PublishedPolicy, runEvaluation } from '@app/transfer';
import { DecidedEvidence, decidedCredit, grantFrom } from './decided-credit';
import { Amount, EvaluatedEligibility, RecognizedEntry } from './eligibility-answer';
import { explain } from './explain-eligibility';
import { learnerProgramExceptions, withSources } from './exception-sources';

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
  /** The registrar's decisions in force toward this program (they bind: the evidence they cover is not proposed again). */
  decided?: DecidedEvidence[];
  /** Exceptions granted on the learner's requests toward this program. */
  exceptions?: ProgramException[];
  /** Exceptions the receiving institution granted the learner for this program (any version, revoked ones included: they are left out). */
  learnerExceptions?: LearnerExceptionRecord[];
  /** Completions of the institution's own courses: they count as taken here, with no recognition. */
  homeItems?: LearnerItem[];
}

const amount = (exact: string): Amount => ({ exact, decimal: toDecimal(parseRational(exact)) });

/**
 * Pure: the registrar's decisions in force bind (their credit counts as decided, against the cap
 * too, and their exceptions apply); the rest of the learner's evidence is recognised under the
 * policy in effect (the same choice and the same engine as the transfer context's automatic
 * evaluation), then the program is evaluated on both with the credentials held. Each piece of
 * evidence says which it is (`basis`). Without a policy in effect nothing is proposed; decided
 * credit still counts.
 */
export function evaluateEligibility(inputs: EligibilityInputs): EvaluatedEligibility {
  const { program, referenceDate, admitted } = inputs;
  const decided = inputs.decided ?? [];
  const decidedIds = new Set(decided.map((d) => evidenceItemId(d.kind, d.refId)));
  const proposedEvidence = inputs.evidence.filter((e) => !decidedIds.has(e.id));
  const decidedItems = decidedCredit(decided, grantFrom(inputs.policies));
  const home = inputs.homeItems ?? [];
  const credit = { items: [...home, ...decidedItems.items], alreadyRecognized: decidedItems.alreadyRecognized };
  const learnerExceptions = inputs.learnerExceptions ?? [];
  const exceptions = [...(inputs.exceptions ?? []), ...learnerProgramExceptions(learnerExceptions, program.version, new Set(home.map((h) => h.id)))];
  const policy = inputs.policyOverride ? pinned(inputs.policyOverride) : effectivePolicyAmong(inputs.policies, program.programId, referenceDate);
  let recognition: RecognitionEvaluation | null = null;
  let evaluation: ProgramEvaluation;
  if (policy) {
    ({ recognition, evaluation } = runEvaluation({
      referenceDate,
      program,
      policy,
      admission: { admitted, read: null },
      learner: { evidence: proposedEvidence, credentialsHeld: inputs.credentialsHeld },
      exceptions,
      decided: credit,
    }));
  } else {
    evaluation = evaluateProgram(program.program, credit.items, { referenceDate, admitted, credentialsHeld: inputs.credentialsHeld, exceptions });
  }
  const titles = new Map([...inputs.evidence, ...decided.flatMap((d) => (d.evidence ? [d.evidence] : []))].map((e) => [e.id, e.title ?? e.code ?? e.id]));
  const pathwayIds = pathwayCredentialIds(evaluation);
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
    totalCredits: { have: { ...evaluation.totalCredits.have }, need: { ...evaluation.totalCredits.need }, satisfied: evaluation.totalCredits.satisfied },
    admission: { ...evaluation.admission },
    residency: {
      outcome: r.outcome,
      pathway: r.pathway ? { id: r.pathway.id, label: r.pathway.label ?? null } : null,
      months: r.requirement.months ?? null,
      terms: r.requirement.terms ?? null,
      standard: r.standard ? { months: r.standard.months ?? null, terms: r.standard.terms ?? null } : null,
      reasons: r.pathwaysConsidered.flatMap((p) => (p.applies ? p.basis.map((b) => `${p.id}: ${b}`) : p.reasons.map((why) => `${p.id}: ${why}`))),
    },
    recognized: [
      ...decided.map((d): RecognizedEntry => ({
        itemId: evidenceItemId(d.kind, d.refId),
        title: titles.get(evidenceItemId(d.kind, d.refId)) ?? d.refId,
        decision: d.outcome,
        creditsGranted: amount(d.credits),
        unit: d.unit,
        reasons: [d.reasonCode, ...(d.kind === 'credential' && pathwayIds.has(d.refId) && d.reasonCode !== 'PATHWAY_CREDENTIAL' ? ['PATHWAY_CREDENTIAL'] : [])],
        basis: 'decided',
        requestId: d.requestId,
        ...(d.differsFromProposal ? { override: true } : {}),
        ...(d.evidenceRevoked || d.evidence === null || d.evidenceChanged ? { evidenceChanged: true } : {}),
      })),
      ...(recognition?.decisions ?? []).map((d): RecognizedEntry => ({
        itemId: d.evidenceId,
        title: titles.get(d.evidenceId) ?? d.evidenceId,
        decision: d.decision,
        creditsGranted: { ...d.creditsGranted },
        unit: recognition?.creditUnit ?? program.program.creditUnit,
        reasons: [...d.reasons],
        basis: 'proposed',
        requestId: null,
      })),
    ],
    home: home.map((h) => ({ itemId: h.id.slice('home:'.length), title: h.title ?? h.courseId ?? h.id, courseId: h.courseId ?? '', credits: amount(String(h.credits)), unit: h.unit, inResidence: h.inResidence === true })),
    missing: evaluation.missing,
    completion: evaluation.completion ?? null,
    exceptions: withSources(evaluation.exceptions, learnerExceptions.filter((x) => x.revoked === null), program.version),
    explanation: [],
  };
  answer.explanation = explain(answer, program.program.title ?? null);
  return answer;
}

/** The credentials that unlocked the chosen pathway (by id), from the engine's residency outcome. */
function pathwayCredentialIds(evaluation: ProgramEvaluation): Set<string> {
  const chosen = evaluation.residency.pathwaysConsidered.find((p) => p.applies && p.id === evaluation.residency.pathway?.id);
  return new Set(chosen?.credentialIds ?? []);
}

function pinned(override: PublishedPolicy & { version: string }) {
  const version = policyVersionOf(override, override.version);
  return version ? inEffectOnAnyDate(version) : null;
}
