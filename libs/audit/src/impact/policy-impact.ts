import { ENGINE_VERSION } from '@app/requirements';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { refuse } from '@app/kernel';
import { Principal } from '@app/platform';
import { READ_MODEL_READER, RequestRow } from '@app/projections';
import { parseRecognitionPolicy, RecognitionPolicy } from '@app/requirements';
import { conversionTableRecordOf, EffectivePolicy, EvaluationRecord, evaluateTransferRequest, EvaluationReproducer, inEffectOnAnyDate, programSummaryAnswer } from '@app/transfer';
import { assertInScope } from '../audit-scope';
import { diffJson, JsonDifference } from '../reproduce/json-diff';

export interface RequestImpact {
  requestId: string;
  learnerId: string;
  programId: string;
  changed: boolean;
  items: { itemId: string; before: { decision: string; creditsGranted: string }; after: { decision: string; creditsGranted: string } }[];
  totals: { before: string; after: string };
  result: { before: string; after: string };
  residency: { before: string; after: string };
  differences: JsonDifference[];
}

export interface PolicyImpactReport {
  policy: { policyId: string; version: string; institutionId: string; programId: string | null };
  requestsConsidered: number;
  changed: number;
  unchanged: number;
  /** Requests whose recorded evaluation today's engine no longer reproduces exactly (compared on today's engine anyway). */
  engineDrift: string[];
  /** Requests that could not be replayed (no evaluation, or inputs no longer readable), with why. */
  skipped: { requestId: string; reason: string }[];
  requests: RequestImpact[];
}

/**
 * For a proposed, unpublished policy version: replays every request to its institution (scoped to
 * its program, if any) on the request's own recorded inputs with the proposed policy instead of
 * the recorded one, and reports which outcomes would change, per request and per item. The
 * proposal is applied as if in effect on each request's reference date. Nothing is written.
 */
@Injectable()
export class PolicyImpact {
  constructor(
    @Inject(READ_MODEL_READER) private readonly db: DataSource,
    private readonly reproducer: EvaluationReproducer,
  ) {}

  /** `onProgress(done, total)` after each request (for the CLI's progress bar). */
  async analyse(principal: Principal, definition: unknown, onProgress?: (done: number, total: number) => void): Promise<PolicyImpactReport> {
    const parsed = parseRecognitionPolicy(definition);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      throw refuse.invalid('policy-definition-invalid', `policy definition is invalid: ${first.path} ${first.message}`, `/definition${first.path}`);
    }
    const policy = parsed.policy;
    assertInScope(principal, [policy.receivingInstitution], `institution ${policy.receivingInstitution}`);
    const where = policy.programId ? { receivingInstitution: policy.receivingInstitution, programId: policy.programId } : { receivingInstitution: policy.receivingInstitution };
    const requests = await this.db.manager.find(RequestRow, { select: { requestId: true, learnerId: true, programId: true }, where, order: { submittedAt: 'ASC', requestId: 'ASC' } });
    const proposed = asEffective(policy);
    const report: PolicyImpactReport = {
      policy: { policyId: policy.id, version: policy.version, institutionId: policy.receivingInstitution, programId: policy.programId ?? null },
      requestsConsidered: requests.length,
      changed: 0,
      unchanged: 0,
      engineDrift: [],
      skipped: [],
      requests: [],
    };
    for (const r of requests) {
      let before: EvaluationRecord;
      let after: EvaluationRecord;
      try {
        // Both sides on today's engine: the recorded policy (reproduced) against the proposal, so an
        // engine change since the request is not reported as the policy's impact.
        const found = await this.reproducer.inputsOf(r.requestId);
        const today = { ...found.inputs, engineVersion: ENGINE_VERSION };
        const reproduced = this.reproducer.rerun(found.recorded, today);
        if (!reproduced.identical) report.engineDrift.push(r.requestId);
        before = reproduced.reproduced;
        after = evaluateTransferRequest({ ...today, policy: proposed });
      } catch (error) {
        report.skipped.push({ requestId: r.requestId, reason: error instanceof Error ? error.message : String(error) });
        continue;
      }
      const impact = impactOf(r, before, after);
      report.requests.push(impact);
      if (impact.changed) report.changed += 1;
      else report.unchanged += 1;
      onProgress?.(report.requests.length + report.skipped.length, requests.length);
    }
    return report;
  }
}

/** The proposal as an effective policy version, in effect on any date (the impact question is "had it applied"). */
function asEffective(policy: RecognitionPolicy): EffectivePolicy {
  const conversionTable = conversionTableRecordOf(policy);
  return inEffectOnAnyDate({
    policyId: policy.id,
    summary: { version: policy.version, programId: policy.programId ?? null, effectiveFrom: policy.effectiveFrom, effectiveTo: null, conversionTableId: conversionTable.id, publishedOn: 'proposed' },
    policy,
    conversionTable,
  });
}

function impactOf(r: Pick<RequestRow, 'requestId' | 'learnerId' | 'programId'>, before: EvaluationRecord, after: EvaluationRecord): RequestImpact {
  const items = before.proposals.map((b) => {
    const a = after.proposals.find((p) => p.itemId === b.itemId);
    return { itemId: b.itemId, before: { decision: b.decision, creditsGranted: b.creditsGranted }, after: { decision: a?.decision ?? 'missing', creditsGranted: a?.creditsGranted ?? '0' } };
  });
  const outcome = (e: EvaluationRecord) => ({ proposals: e.proposals.map((p) => ({ itemId: p.itemId, decision: p.decision, creditsGranted: p.creditsGranted, reasons: p.reasons })), totals: e.totals, programEvaluation: programSummaryAnswer(e.programEvaluation) });
  const differences = diffJson(outcome(before), outcome(after));
  return {
    requestId: r.requestId,
    learnerId: r.learnerId,
    programId: r.programId,
    changed: differences.length > 0,
    items: items.filter((i) => i.before.decision !== i.after.decision || i.before.creditsGranted !== i.after.creditsGranted),
    totals: { before: before.totals.granted, after: after.totals.granted },
    result: { before: before.programEvaluation.result, after: after.programEvaluation.result },
    residency: { before: before.programEvaluation.residency.outcome, after: after.programEvaluation.residency.outcome },
    differences,
  };
}
