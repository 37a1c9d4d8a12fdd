import { In } from 'typeorm';
import { decisionsInForce, TransferRequestState } from '@app/transfer';
import { LedgerRow } from '../read-model/entities';
import { bulkWrite } from '../runtime/bulk-write';
import { ProjectionBatch } from '../runtime/projection-batch';

/**
 * End of a batch: the ledger rows of every request whose decisions in force changed are replaced
 * by the decisions now in force (none after a withdrawal), each with its provenance: the evidence
 * events the evaluation read for the item, the policy, program and conversion-table versions, the
 * engine's proposal and how the decision differs from it, and the step that decided it
 * (`decidedIn`: the ItemsDecided, or the RequestRevised that last re-decided the item, with the
 * appeal it answers and its note; an item a partial revision kept names its earlier step).
 * `decidedOn` and `decisionPosition` are the request's latest decision or revision.
 */
export async function rewriteLedger(batch: ProjectionBatch): Promise<void> {
  const requests = [...batch.ledgerRequests.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (requests.length === 0) return;
  const rows: LedgerRow[] = [];
  for (const [requestId, decision] of requests) {
    const { state } = await batch.requests.get(batch.manager, requestId, { requestId });
    rows.push(...ledgerRowsOf(requestId, state, decision));
  }
  const ids = requests.map(([requestId]) => requestId);
  for (let i = 0; i < ids.length; i += DELETE_CHUNK) await batch.manager.delete(LedgerRow, { requestId: In(ids.slice(i, i + DELETE_CHUNK)) });
  await bulkWrite(batch.manager, LedgerRow, rows, 'insert');
}

const DELETE_CHUNK = 500;

export function ledgerRowsOf(requestId: string, state: TransferRequestState, decision: { position: number; on: string }): LedgerRow[] {
  const request = state.request;
  const evaluation = state.evaluation;
  if (!request || state.status === 'withdrawn' || !state.decisions) return [];
  // what each item counts as, read the way eligibility reads it (decisionsInForce), so the two agree
  const inForce = new Map(decisionsInForce(state).map((d) => [d.itemId, d]));
  return state.decisions.map((d) => {
    const item = request.items.find((i) => i.itemId === d.itemId);
    const proposal = evaluation?.proposals.find((p) => p.itemId === d.itemId) ?? null;
    const provenance = {
      evidence: (evaluation?.evidenceRead ?? [])
        .filter((r) => r.itemId === d.itemId)
        .map((r) => ({ stream: r.stream, eventId: r.eventId, position: r.position, eventType: r.eventType })),
      program: evaluation ? { programId: evaluation.program.programId, version: evaluation.program.version } : null,
      policy: evaluation ? { policyId: evaluation.policy.policyId, version: evaluation.policy.version } : null,
      conversionTable: evaluation?.conversionTable ?? null,
      engineVersion: evaluation?.engineVersion ?? null,
      proposal: proposal ? { decision: proposal.decision, creditsOffered: proposal.creditsOffered, creditsGranted: proposal.creditsGranted, reasons: proposal.reasons } : null,
      differsFromProposal: d.differsFromProposal,
      overrideReason: d.overrideReason,
      // the item's own note, else the note of the revision that re-decided it
      note: d.note ?? (d.decidedIn?.type === 'RequestRevised' ? d.decidedIn.note : null),
      grantedAs: inForce.get(d.itemId)?.grantedAs ?? null,
      decidedIn: d.decidedIn ?? null,
    };
    return {
      requestId,
      itemId: d.itemId,
      institutionId: request.receivingInstitution,
      learnerId: request.learnerId,
      programId: request.programId,
      kind: item?.kind ?? 'unknown',
      refId: item?.refId ?? d.itemId,
      outcome: d.outcome,
      reasonCode: d.reasonCode,
      credits: d.credits,
      unit: proposal?.unit ?? evaluation?.program.creditUnit ?? '',
      provenance: JSON.stringify(provenance),
      decidedOn: decision.on,
      decisionPosition: decision.position,
    };
  });
}
