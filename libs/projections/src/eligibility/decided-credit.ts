import { completionEvidenceOf, credentialEvidenceOf, evidenceItemId, LearnerRecord, presentedAchievementEvidence, presentedCredentialOf } from '@app/records';
import { Grant, LearnerItem, ProgramException, RecognitionEvidence } from '@app/requirements';
import { DecidedCredit, DecisionInForce, decisionsInForce, exceptionsInForce, PublishedPolicy, TransferRequestState } from '@app/transfer';

/** A decision in force on a piece of the learner's evidence, with that evidence as the record holds it now. */
export interface DecidedEvidence extends DecisionInForce {
  /** The completion or credential as the learner's record holds it now (a revoked credential included); null if the record no longer has it. */
  evidence: RecognitionEvidence | null;
  /** The record no longer supports the decision as made: the credential was revoked since (the registrar may revise). */
  evidenceRevoked: boolean;
}

/** The grant of the equivalency a decided item's proposal matched, in the policy version its request was evaluated under. */
export function grantFrom(policies: readonly PublishedPolicy[]): (d: DecidedEvidence) => Grant | undefined {
  return (d) => {
    if (!d.policy || !d.equivalencyId) return undefined;
    const published = policies.find((p) => p.policyId === d.policy?.policyId);
    const definition = published?.state.definitions[d.policy.version] as { equivalencies?: { id: string; grant: Grant }[] } | undefined;
    return definition?.equivalencies?.find((e) => e.id === d.equivalencyId)?.grant;
  };
}

/** A learner's requests toward one program, with the position of their latest event (the later decision on the same evidence wins). */
export interface RequestForEligibility {
  state: TransferRequestState;
  position: number;
}

/**
 * What binds in an eligibility evaluation: the registrar's decisions in force on the learner's
 * requests toward the program (any catalog year; per piece of evidence, the latest decided request
 * wins) and the exceptions granted on them. Pure: the same requests and record give the same answer.
 */
export function decidedFor(requests: readonly RequestForEligibility[], record: LearnerRecord): { decided: DecidedEvidence[]; exceptions: ProgramException[] } {
  const latest = new Map<string, DecisionInForce>();
  const ordered = [...requests].sort((a, b) => a.position - b.position || ((a.state.request?.requestId ?? '') < (b.state.request?.requestId ?? '') ? -1 : 1));
  const exceptions: ProgramException[] = [];
  for (const r of ordered) {
    for (const d of decisionsInForce(r.state)) latest.set(`${d.kind}\u0000${d.refId}`, d);
    exceptions.push(...exceptionsInForce(r.state, (item) => `recognized:${item}`));
  }
  const decided = [...latest.values()].map((d): DecidedEvidence => {
    const evidence = evidenceOf(record, d);
    const revoked =
      (d.kind === 'credential' && record.credentials.some((k) => k.credentialId === d.refId && k.revoked)) ||
      (d.kind === 'verifiable-credential' && presentedCredentialOf(record, d.refId.split('#')[0])?.revoked === true);
    return { ...d, evidence, evidenceRevoked: revoked };
  });
  return { decided, exceptions };
}

function evidenceOf(record: LearnerRecord, d: DecisionInForce): RecognitionEvidence | null {
  if (d.kind === 'completion') {
    const c = record.completions.find((x) => x.completionId === d.refId);
    return c ? completionEvidenceOf(c) : null;
  }
  if (d.kind === 'verifiable-credential') {
    const [vcId, index] = d.refId.split('#');
    const view = presentedCredentialOf(record, vcId);
    const achievement = view?.achievements[index === undefined ? 0 : Number(index)];
    return view && achievement ? presentedAchievementEvidence(view, achievement) : null;
  }
  const k = record.credentials.find((x) => x.credentialId === d.refId);
  return k ? credentialEvidenceOf(k) : null;
}

/**
 * The decided credit as the engine takes it: program items (`recognized:<item id>`, the item id
 * `completion:<id>` or `credential:<id>` as everywhere; as the
 * registrar decided: its credits, what it counts as) for every item not denied, and the same credit
 * counted against the transfer cap.
 */
export function decidedCredit(decided: readonly DecidedEvidence[], grantOf: (d: DecidedEvidence) => Grant | undefined = () => undefined): DecidedCredit {
  const items: LearnerItem[] = [];
  const alreadyRecognized: DecidedCredit['alreadyRecognized'] = [];
  for (const d of decided) {
    if (d.outcome === 'denied' || !d.evidence) continue;
    const ev = d.evidence;
    const itemId = evidenceItemId(d.kind, d.refId);
    const item: LearnerItem = { id: `recognized:${itemId}`, source: 'transfer', credits: d.credits, unit: d.unit, issuer: ev.issuer, date: ev.date, code: ev.code };
    if (d.grantedAs?.as === 'course') item.courseId = d.grantedAs.courseId;
    // decided as elective credit under an equivalency: its field and tags, as the proposal had them
    const grant = d.grantedAs?.as === 'elective' ? grantOf(d) : undefined;
    const elective = grant?.as === 'elective' ? grant : undefined;
    if (ev.title !== undefined) item.title = ev.title;
    if (ev.level !== undefined) item.level = ev.level;
    const field = elective?.field ?? ev.field;
    if (field !== undefined) item.field = field;
    if (ev.grade !== undefined) item.grade = ev.grade;
    if (ev.assessmentType !== undefined) item.assessmentType = ev.assessmentType;
    if (ev.identityVerified !== undefined) item.identityVerified = ev.identityVerified;
    if (ev.credential) item.credentials = [{ id: ev.credential.id, ...(ev.credential.type ? { type: ev.credential.type } : {}), ...(ev.credential.code ? { code: ev.credential.code } : {}) }];
    const tags = [...new Set([...(ev.tags ?? []), ...(elective?.tags ?? [])])].sort();
    if (tags.length) item.tags = tags;
    if (ev.evidenceEventId !== undefined) item.evidenceEventId = ev.evidenceEventId;
    // a credential recognized through its components is evidence, not credit: nothing for the program tree
    if (d.outcome !== 'recognized' || d.grantedAs?.as === 'course') items.push(item);
    alreadyRecognized.push({ evidenceId: itemId, issuer: ev.issuer, code: ev.code, credits: d.credits, unit: d.unit });
  }
  return { items, alreadyRecognized };
}
