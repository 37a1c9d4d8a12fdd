import type { Json } from '@app/kernel';
import { decisionsInForce, TransferRequestState } from '@app/transfer';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export interface RecognitionDocumentInput {
  state: TransferRequestState;
  credentialId: string;
  decision: { eventId: string; type: 'ItemsDecided' | 'RequestRevised'; on: string };
  issuer: { did: string; name: string };
  status: { listUrl: string; index: number };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URN = 'urn:x-credit-transfer';

/** The learner as the request names it, as an IRI: no personal data beyond the request's learner id. */
export const learnerIri = (learnerId: string): string => (UUID.test(learnerId) ? `urn:uuid:${learnerId.toLowerCase()}` : `${URN}:learner:${encodeURIComponent(learnerId)}`);

/** Exact decimal strings summed without floating-point drift (to 6 places), as a JSON number for OB3. */
function sum(values: readonly string[]): number {
  const micro = values.reduce((total, v) => total + BigInt(Math.round(Number(v) * 1_000_000)), 0n);
  return Number(micro) / 1_000_000;
}

/**
 * The unsigned Open Badges 3.0 AchievementCredential stating a decided transfer request: the
 * receiving institution (issuer) recognises credit toward a program version for the learner;
 * one Result per decided item (credits, outcome, what it counts as), the pinned program, policy,
 * conversion table and engine versions as Evidence. Every term is defined by the VC 2.0 and
 * OB 3.0.3 contexts (signing in safe mode refuses any other). Pure: same input, same document.
 */
export function recognitionCredentialDocument(input: RecognitionDocumentInput): { [key: string]: Json } {
  const { state, decision, issuer, status } = input;
  const request = state.request;
  const evaluation = state.evaluation;
  if (!request || !evaluation) throw new Error('a recognition credential states a decided request: it has no request or evaluation');
  const decisions = decisionsInForce(state);
  const program = evaluation.program;
  const requestIri = `${URN}:transfer-request:${encodeURIComponent(request.requestId)}`;
  const achievementId = `${URN}:recognition:${encodeURIComponent(request.receivingInstitution)}:${encodeURIComponent(program.programId)}:${encodeURIComponent(program.version)}`;
  const itemIri = (itemId: string): string => `${requestIri}:item:${encodeURIComponent(itemId)}`;
  const countsAs = (d: (typeof decisions)[number]): string => (d.grantedAs === null ? 'no credit' : d.grantedAs.as === 'course' ? `course ${d.grantedAs.courseId}` : 'elective credit');
  const creditsEarned = sum(decisions.filter((d) => d.outcome !== 'denied').map((d) => d.credits));
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: input.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Credit recognised toward ${program.programId} ${program.version}`,
    description: `${issuer.name} recognises ${creditsEarned} ${program.creditUnit} toward program ${program.programId} (version ${program.version}) by its ${decision.type === 'ItemsDecided' ? 'decision' : 'revised decision'} on credit-transfer request ${request.requestId}.`,
    issuer: { id: issuer.did, type: ['Profile'], name: issuer.name },
    validFrom: decision.on,
    credentialSubject: {
      id: learnerIri(request.learnerId),
      type: ['AchievementSubject'],
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        achievementType: 'ext:CreditRecognition',
        name: `Credit recognised toward ${program.programId}`,
        description: `Credit recognised by ${issuer.name} toward program ${program.programId}, version ${program.version}, from prior learning named in a credit-transfer request.`,
        criteria: { narrative: `Recognised under policy ${evaluation.policy.policyId} version ${evaluation.policy.version} with conversion table ${evaluation.conversionTable.id}, evaluated by engine ${evaluation.engineVersion} and decided by a registrar of ${issuer.name}.` },
        creditsAvailable: Number(program.totalCredits),
        version: program.version,
        resultDescription: decisions.map((d) => ({ id: itemIri(d.itemId), type: ['ResultDescription'], name: `Credit recognised for ${d.itemId} (${d.unit})`, resultType: 'ext:RecognisedCredit' })),
      },
      creditsEarned,
      result: decisions.map((d) => ({ type: ['Result'], resultDescription: itemIri(d.itemId), value: `${d.credits} ${d.unit}; ${d.outcome}; ${countsAs(d)}; ${d.reasonCode}` })),
    },
    evidence: [
      { id: `${requestIri}:decision:${decision.eventId}`, type: ['Evidence'], name: 'Credit-transfer decision', description: `${decision.type} event ${decision.eventId} of request ${request.requestId}, submitted by ${request.submitterInstitution}` },
      { id: `${URN}:program:${encodeURIComponent(program.programId)}:${encodeURIComponent(program.version)}`, type: ['Evidence'], name: 'Program version', description: `${program.programId} ${program.version} (${program.totalCredits} ${program.creditUnit})` },
      { id: `${URN}:policy:${encodeURIComponent(evaluation.policy.policyId)}:${encodeURIComponent(evaluation.policy.version)}`, type: ['Evidence'], name: 'Recognition policy version', description: `${evaluation.policy.policyId} ${evaluation.policy.version}` },
      { id: `${URN}:conversion-table:${encodeURIComponent(evaluation.conversionTable.id)}`, type: ['Evidence'], name: 'Conversion table', description: evaluation.conversionTable.id },
      { id: `${URN}:engine:${encodeURIComponent(evaluation.engineVersion)}`, type: ['Evidence'], name: 'Evaluation engine version', description: evaluation.engineVersion },
    ],
    credentialStatus: {
      id: `${status.listUrl}#${status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(status.index),
      statusListCredential: status.listUrl,
    },
  };
}
