import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { refuse } from '@app/kernel';
import { CompletionView, CredentialView, Grade, learnerRecordOf, learnerStream } from '@app/records';
import { GradeInput, HeldCredential, RecognitionEvidence } from '@app/requirements';
import { EvidenceRead } from '../domain/evaluation-record';
import { RequestItem } from '../domain/transfer-request.events';
import { readEvents } from './stream-events';

/** What the evaluation reads of a learner: engine inputs, and exactly which events they came from. */
export interface LearnerEvidence {
  evidence: RecognitionEvidence[];
  credentialsHeld: HeldCredential[];
  evidenceRead: EvidenceRead[];
  learnerStream: { stream: string; revision: number; lastPosition: number };
}

/**
 * The only place in the transfer context that knows the records event shapes: reads the
 * learner's stream (`learner-<id>`), folds it with the records context's `learnerRecordOf`, and
 * maps the named completions and credentials to engine evidence, each with the id and global
 * position of every event it depends on (the completion, its regrades, the credential award and
 * any revocation).
 */
@Injectable()
export class LearnerEvidenceReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(learnerId: string, items: RequestItem[]): Promise<LearnerEvidence> {
    const stream = learnerStream(learnerId);
    const events = await readEvents(this.store, stream);
    const record = learnerRecordOf(events);
    if (!record.registered) throw refuse.notFound('learner-not-found', `learner ${learnerId} is not registered`);
    const evidence: RecognitionEvidence[] = [];
    const credentialsHeld: HeldCredential[] = [];
    const evidenceRead: EvidenceRead[] = [];
    const read = (itemId: string, kind: EvidenceRead['kind'], refId: string, eventType: string, ref: { eventId: string | null; position: number | null }) => {
      if (ref.eventId !== null && ref.position !== null) evidenceRead.push({ itemId, kind, refId, stream, eventId: ref.eventId, position: ref.position, eventType });
    };
    const seen = { completion: 0, credential: 0 };
    items.forEach((item) => {
      const i = seen[item.kind]++;
      if (item.kind === 'completion') {
        const c = record.completions.find((x) => x.completionId === item.refId);
        if (!c) throw refuse.invalid('unknown-completion', `learner ${learnerId} has no completion ${item.refId}`, `/evidence/completionIds/${i}`);
        evidence.push(completionEvidence(item.itemId, c));
        read(item.itemId, 'completion', c.completionId, 'CompletionRecorded', c.evidence);
        c.corrections.forEach((k) => read(item.itemId, 'completion', c.completionId, 'CompletionCorrected', k.evidence));
        for (const ref of c.credentials) {
          const k = record.credentials.find((x) => x.credentialId === ref.credentialId);
          if (k) readCredential(item.itemId, k, read);
        }
      } else {
        const k = record.credentials.find((x) => x.credentialId === item.refId);
        if (!k) throw refuse.invalid('unknown-credential', `learner ${learnerId} has no credential ${item.refId}`, `/evidence/credentialIds/${i}`);
        evidence.push(credentialEvidence(item.itemId, k));
        credentialsHeld.push(held(k));
        readCredential(item.itemId, k, read);
      }
    });
    const last = events[events.length - 1];
    return { evidence, credentialsHeld, evidenceRead, learnerStream: { stream, revision: last.revision, lastPosition: last.position } };
  }
}

type ReadFn = (itemId: string, kind: EvidenceRead['kind'], refId: string, eventType: string, ref: { eventId: string | null; position: number | null }) => void;

function readCredential(itemId: string, k: CredentialView, read: ReadFn): void {
  read(itemId, 'credential', k.credentialId, 'MicroCredentialAwarded', k.evidence);
  if (k.revocation) read(itemId, 'credential', k.credentialId, 'MicroCredentialRevoked', k.revocation.evidence);
}

/** Records grades -> engine grades. A 4-point GPA has no agreed percent equivalent: left out (GRADE_MISSING if a minimum applies). */
function gradeOf(grade: Grade | null): GradeInput | undefined {
  if (grade === null) return undefined;
  switch (grade.scale) {
    case 'percent':
      return { scale: 'percent', value: grade.value };
    case 'letter':
      return { scale: 'letter', value: grade.value };
    case 'pass-fail':
      return { scale: 'pass-fail', value: grade.value as 'P' | 'F' | 'pass' | 'fail' };
    default:
      return undefined;
  }
}

function completionEvidence(itemId: string, c: CompletionView): RecognitionEvidence {
  const ref = c.credentials.find((k) => k.complete && !k.revoked) ?? c.credentials[0];
  const ev: RecognitionEvidence = {
    id: itemId,
    kind: 'course',
    issuer: c.issuerId,
    code: c.courseId,
    title: c.courseTitle,
    credits: c.credits,
    unit: c.unit,
    level: `EQF${c.eqfLevel}`,
    field: c.field,
    date: c.completedOn,
    tags: [...c.tags],
  };
  const grade = gradeOf(c.grade);
  if (grade !== undefined) ev.grade = grade;
  if (ref) ev.credential = { id: ref.credentialId, type: ref.type, complete: ref.complete && !ref.revoked, ...(ref.code ? { code: ref.code } : {}) };
  if (c.evidence.eventId) ev.evidenceEventId = c.evidence.eventId;
  return ev;
}

function credentialEvidence(itemId: string, k: CredentialView): RecognitionEvidence {
  const ev: RecognitionEvidence = {
    id: itemId,
    kind: 'credential',
    issuer: k.issuerId,
    code: k.code ?? k.credentialId,
    title: k.title,
    credits: k.workload.credits,
    unit: k.workload.unit,
    level: `EQF${k.eqfLevel}`,
    date: k.issuedOn,
    credential: { id: k.credentialId, type: k.type, complete: k.complete && !k.revoked, ...(k.code ? { code: k.code } : {}) },
  };
  const grade = gradeOf(k.grade);
  if (grade !== undefined) ev.grade = grade;
  if (k.evidence.eventId) ev.evidenceEventId = k.evidence.eventId;
  return ev;
}

function held(k: CredentialView): HeldCredential {
  const h: HeldCredential = { id: k.credentialId, type: k.type, issuer: k.issuerId, complete: k.complete && !k.revoked, awardedOn: k.issuedOn };
  if (k.code) h.code = k.code;
  if (k.evidence.eventId) h.evidenceEventId = k.evidence.eventId;
  return h;
}
