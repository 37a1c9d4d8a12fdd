/** Step 4: the university submits a credit-transfer request (evaluated at once); MIT's registrar reads and decides it. */
import { ApiClient } from './http-client';
import { LearnerRecorded } from './issuer-steps';
import { pad, Reporter } from './report';
import { ScenarioIds } from './scm-fixtures';
import { positionOf } from './registrar-steps';
import { ItemProposal, TransferRequestView } from './transfer-request';

export interface EvaluatedRequest {
  requestId: string;
  view: TransferRequestView;
  /** ETag of the view the registrar read (If-Match of the decision). */
  etag: string;
  /** Global position of the submission (its evaluation): what a read must reach to reflect it. */
  position: number;
}

const REASON_CODE = /^[A-Z][A-Z0-9_]{1,49}$/;

/** "sc0x", or "MicroMasters credential", for an item id of the request. */
function itemLabel(learner: LearnerRecorded, itemId: string): string {
  const [kind, refId] = itemId.split(':', 2);
  if (kind === 'credential') return 'MicroMasters';
  return learner.completions.get(refId) ?? itemId;
}

function proposalLine(learner: LearnerRecorded, p: ItemProposal): string {
  const granted = p.decision === 'denied' || p.decision === 'recognized' ? '' : ` ${p.creditsGranted} ${p.unit}${p.grantedAs?.as === 'course' ? ` as ${p.grantedAs.courseId}` : ''}`;
  // a credential counted through its components says so, and that it unlocks the pathway
  const why = (p.decision === 'denied' || p.decision === 'recognized') && p.messages.length ? `: ${p.messages.join('; ')}` : '';
  return `${pad(itemLabel(learner, p.itemId), 13)} ${pad(p.decision, 10)}${granted}  [${p.reasons.join(', ')}]${why}`;
}

/** Submits (as the university) and reads the evaluation back (as MIT's registrar), printing the proposal per item. */
export async function submitAndReadEvaluation(university: ApiClient, mit: ApiClient, ids: ScenarioIds, learner: LearnerRecorded, report: Reporter): Promise<EvaluatedRequest> {
  const evidence = { completionIds: [...learner.completions.keys()], credentialIds: learner.credentialId ? [learner.credentialId] : [] };
  const submitted = await university.post('/transfer-requests', { learnerId: learner.learnerId, receivingInstitution: ids.mit, programId: ids.programId, evidence });
  const requestId = submitted.body.id;
  report.step(`${ids.university} submitted request ${requestId} (${evidence.completionIds.length} completions, ${evidence.credentialIds.length ? 'the MicroMasters credential' : 'no credential'}) -> evaluated at once`);
  const read = await mit.get<TransferRequestView>(`/transfer-requests/${requestId}`);
  const view = read.body;
  const evaluation = view.evaluation;
  if (!evaluation || !view.programEvaluation) throw new Error(`request ${requestId} has no evaluation (status ${view.status})`);
  report.step(`registrar ${ids.mit} reads it: status ${view.status}, ETag ${read.etag ?? '(none)'}`);
  report.detail(
    `pinned: program ${evaluation.program.programId}@${evaluation.program.version}, policy ${evaluation.policy.policyId}@${evaluation.policy.version}, ` +
      `conversion table ${evaluation.conversionTable.id}, engine ${evaluation.engineVersion}, ${evaluation.evidenceRead.length} evidence events read (reference date ${evaluation.referenceDate})`,
  );
  for (const proposal of evaluation.proposals) report.detail(`proposal  ${proposalLine(learner, proposal)}`);
  const pe = view.programEvaluation;
  report.detail(
    `proposed: ${evaluation.totals.granted} ${evaluation.proposals[0]?.unit ?? ''} granted in all (${evaluation.totals.grantedCount} granted, ${evaluation.totals.recognizedCount ?? 0} recognized without credit, ${evaluation.totals.deniedCount} denied); ` +
      `program ${pe.result}, residency ${pe.residency.outcome}${pe.residency.pathway ? ` (${pe.residency.pathway})` : ''}${pe.residency.months !== null ? `: ${pe.residency.months} months` : ''}`,
  );
  return { requestId, view, etag: read.etag ?? `"${view.revision}"`, position: positionOf(submitted.body) };
}

/** The registrar decides every item as proposed, with If-Match: the ETag of the view it read. Returns the decision's global position. */
export async function decideAsProposed(mit: ApiClient, request: EvaluatedRequest, report: Reporter): Promise<number> {
  const proposals = request.view.evaluation?.proposals ?? [];
  const items = proposals.map((p) => ({
    itemId: p.itemId,
    outcome: p.decision,
    reasonCode: (p.reasons.includes('PATHWAY_CREDENTIAL') ? 'PATHWAY_CREDENTIAL' : p.reasons.find((r) => REASON_CODE.test(r))) ?? (p.decision === 'denied' ? 'NO_EQUIVALENCY' : 'EQUIVALENT_COURSE'),
    ...(p.itemId.startsWith('credential:') ? { note: 'unlocks the blended residency; not a course' } : {}),
  }));
  const decided = await mit.post(`/transfer-requests/${request.requestId}/decision`, { items }, { ifMatch: request.etag });
  const count = (outcome: string) => items.filter((i) => i.outcome === outcome).length;
  const granted = count('granted') + count('partially-granted');
  report.step(
    `registrar decided with If-Match ${request.etag}: ${granted} granted, ${count('recognized')} recognized (the pathway credential), ${count('denied')} denied, as proposed ` +
      `(revision ${decided.body.revision}, ETag ${decided.etag ?? '-'}, position ${String(decided.body.position)})`,
  );
  return positionOf(decided.body);
}
