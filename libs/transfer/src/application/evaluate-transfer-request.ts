import { refuse } from '@app/kernel';
import { ENGINE_VERSION, evaluateTransfer, InvalidEvaluationInputError, LearnerItem, Program, ProgramEvaluation, ProgramException, RecognitionContext, RecognitionEvaluation, RecognitionPolicy } from '@app/requirements';
import { EvaluationRecord, EvidenceRead, ItemProposal, ProgramSummary } from '../domain/evaluation-record';
import { EffectivePolicy } from './policy-catalog';
import { LearnerEvidence, WithdrawnItem } from './learner-evidence.reader';

export interface EvaluationInputs {
  requestId: string;
  referenceDate: string;
  program: { programId: string; version: string; program: Program };
  policy: EffectivePolicy;
  admission: { admitted: boolean; read: EvidenceRead | null };
  learner: LearnerEvidence;
  /** Exceptions granted on the request (rule path + program version), applied by the program evaluation. */
  exceptions?: ProgramException[];
  /** The engine version whose behaviour to run (default: the current one); reproduction passes the recorded one. */
  engineVersion?: string;
  /** Credit already decided toward this program (eligibility): counts as decided, and against the cap. */
  decided?: DecidedCredit;
}

/** Decided credit as the engine takes it: program items, and the cap they already use. */
export interface DecidedCredit {
  items: LearnerItem[];
  alreadyRecognized: NonNullable<RecognitionContext['alreadyRecognized']>;
}

/**
 * The automatic evaluation, pure: recognition of every piece of evidence under the policy version
 * (one call, so the transfer cap is applied across the items in the engine's deterministic
 * order), then the program evaluation of the recognized credit with the credentials held.
 * A request item whose completion was withdrawn is no evidence: the engine never sees it and it is
 * proposed denied (EVIDENCE_WITHDRAWN). Re-running it on the inputs the record names (program and
 * policy versions, the events read) gives the same record.
 */
export function evaluateTransferRequest(inputs: EvaluationInputs): EvaluationRecord {
  const { program, policy, learner, admission, referenceDate } = inputs;
  const { recognition, evaluation } = runEvaluation(inputs);
  return withWithdrawnItems({
    requestId: inputs.requestId,
    referenceDate,
    engineVersion: recognition.engineVersion,
    program: { programId: program.programId, version: program.version, creditUnit: program.program.creditUnit, totalCredits: String(program.program.totalCredits) },
    policy: { policyId: policy.policyId, version: policy.summary.version, effectiveFrom: policy.summary.effectiveFrom, effectiveTo: policy.summary.effectiveTo },
    conversionTable: { id: recognition.conversionTable.id, ectsPerUnit: recognition.conversionTable.ectsPerUnit },
    admitted: admission.admitted,
    learnerStream: learner.learnerStream,
    evidenceRead: [...learner.evidenceRead, ...(admission.read ? [admission.read] : [])],
    proposals: recognition.decisions.map((d) => ({
      itemId: d.evidenceId,
      decision: d.decision,
      grantedAs: d.grantedAs,
      equivalencyId: d.equivalencyId ?? null,
      creditsOffered: d.creditsOffered.exact,
      creditsGranted: d.creditsGranted.exact,
      unit: recognition.creditUnit,
      reasons: [...d.reasons],
      messages: [...d.messages],
    })),
    totals: { ...recognition.totals, granted: recognition.totals.granted.exact },
    programEvaluation: summaryOf(evaluation),
  }, learner.withdrawn ?? []);
}

/** The engine's two steps on the inputs, before they are summarised into a record (the read side shows more of them). */
export function runEvaluation(
  inputs: Pick<EvaluationInputs, 'referenceDate' | 'program' | 'policy' | 'admission' | 'exceptions' | 'engineVersion' | 'decided'> & { learner: Pick<LearnerEvidence, 'evidence' | 'credentialsHeld'> },
): { recognition: RecognitionEvaluation; evaluation: ProgramEvaluation } {
  const { program, policy, learner, admission, referenceDate } = inputs;
  try {
    return evaluateTransfer(program.program, policy.policy as RecognitionPolicy, learner.evidence, {
      referenceDate,
      admitted: admission.admitted,
      programTotalCredits: program.program.totalCredits,
      credentialsHeld: learner.credentialsHeld,
      exceptions: inputs.exceptions ?? [],
      engineVersion: inputs.engineVersion ?? ENGINE_VERSION,
      ...(inputs.decided ? { decidedItems: inputs.decided.items, alreadyRecognized: inputs.decided.alreadyRecognized } : {}),
    });
  } catch (error) {
    if (error instanceof InvalidEvaluationInputError) throw refuse.invalid('evaluation-input-invalid', error.message);
    throw error;
  }
}

/** The reason code of an item whose completion its issuer withdrew. */
export const EVIDENCE_WITHDRAWN = 'EVIDENCE_WITHDRAWN';
/** The reason code of an item whose presented credential a status re-check found revoked or suspended. */
export const EVIDENCE_REVOKED = 'EVIDENCE_REVOKED';

/** The record with a denied proposal (EVIDENCE_WITHDRAWN) for each item whose completion was withdrawn. */
function withWithdrawnItems(record: EvaluationRecord, withdrawn: WithdrawnItem[]): EvaluationRecord {
  if (withdrawn.length === 0) return record;
  const unit = record.proposals[0]?.unit ?? record.program.creditUnit;
  return {
    ...record,
    proposals: [...record.proposals, ...withdrawn.map((w) => withdrawnProposal(w, unit))],
    totals: { ...record.totals, deniedCount: record.totals.deniedCount + withdrawn.length },
  };
}

function withdrawnProposal(w: WithdrawnItem, unit: string): ItemProposal {
  return {
    itemId: w.itemId,
    decision: 'denied',
    grantedAs: null,
    equivalencyId: null,
    creditsOffered: '0',
    creditsGranted: '0',
    unit,
    reasons: [w.revokedCredential ? EVIDENCE_REVOKED : EVIDENCE_WITHDRAWN],
    messages: [
      w.revokedCredential
        ? `presented credential ${w.refId} is ${w.reason} in its issuer's status list (re-checked on ${w.withdrawnOn}): it is no evidence`
        : `completion ${w.refId} was withdrawn by its issuer on ${w.withdrawnOn} (${w.reason}): it is no evidence`,
    ],
  };
}

function summaryOf(e: ProgramEvaluation): ProgramSummary {
  const r = e.residency;
  return {
    result: e.result,
    requirementsSatisfied: e.requirementsSatisfied,
    totalCredits: { have: e.totalCredits.have.exact, need: e.totalCredits.need.exact, satisfied: e.totalCredits.satisfied },
    admission: { ...e.admission },
    residency: {
      defined: r.defined,
      outcome: r.outcome,
      pathway: r.pathway?.id ?? null,
      satisfied: r.satisfied,
      months: r.requirement.months ?? null,
      terms: r.requirement.terms ?? null,
    },
    claims: e.claims.map((c) => ({ itemId: c.itemId, rulePath: c.rulePath, credits: c.credits.exact })),
    missing: e.missing.map((m) => ({ rulePath: m.rulePath, message: m.message })),
    exceptions: {
      applied: e.exceptions.applied.map((x) => ({ id: x.id, kind: x.kind, path: x.path })),
      ignored: e.exceptions.ignored.map((x) => ({ id: x.id, path: x.path, reason: x.reason })),
    },
  };
}
