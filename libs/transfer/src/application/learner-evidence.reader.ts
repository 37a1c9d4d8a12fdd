import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, readStreamEvents } from '@app/event-store';
import { refuse } from '@app/kernel';
import { completionEvidenceOf, CompletionView, credentialEvidenceOf, CredentialView, evidenceItemId, learnerRecordOf, learnerStream, presentedCredentialsOf, presentedItemId } from '@app/records';
import { presentedEvidenceFor } from './presented-evidence.reader';
import { HeldCredential, RecognitionEvidence } from '@app/requirements';
import { EvidenceRead } from '../domain/evaluation-record';
import { RequestItem } from '../domain/transfer-request.events';

/** A request item whose completion its issuer withdrew: no evidence (the evaluation denies it, EVIDENCE_WITHDRAWN). */
export interface WithdrawnItem {
  itemId: string;
  refId: string;
  reason: string;
  withdrawnOn: string;
  /** A presented credential a re-check found revoked or suspended (rather than a withdrawn completion). */
  revokedCredential?: boolean;
}

/** What the evaluation reads of a learner: engine inputs, and exactly which events they came from. */
export interface LearnerEvidence {
  evidence: RecognitionEvidence[];
  credentialsHeld: HeldCredential[];
  evidenceRead: EvidenceRead[];
  learnerStream: { stream: string; revision: number; lastPosition: number };
  /** Items whose completion was withdrawn (not in `evidence`); absent in readers' answers from before withdrawals existed. */
  withdrawn?: WithdrawnItem[];
}

/**
 * The only place in the transfer context that knows the records event shapes: reads the
 * learner's stream (`learner-<id>`), folds it with the records context's `learnerRecordOf`, maps
 * the named completions and credentials to engine evidence with the records context's own
 * `completionEvidenceOf` / `credentialEvidenceOf`, and lists the id and global
 * position of every event it depends on (the completion, its regrades, the credential award and
 * any revocation).
 */
@Injectable()
export class LearnerEvidenceReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Is the learner registered in the records context? */
  async isRegistered(learnerId: string): Promise<boolean> {
    return learnerRecordOf(await readStreamEvents(this.store, learnerStream(learnerId))).registered;
  }

  /** The learner's evidence items, as requests and exceptions name them (`completion:<id>`, `credential:<id>`, `verifiable-credential:<vcId>`); null when not registered. */
  async itemIds(learnerId: string): Promise<string[] | null> {
    const record = learnerRecordOf(await readStreamEvents(this.store, learnerStream(learnerId)));
    if (!record.registered) return null;
    const presented = presentedCredentialsOf(record).flatMap((v) => v.achievements.map((a) => presentedItemId(v.vcId, a.index, v.achievements.length)));
    return [...record.completions.map((c) => evidenceItemId('completion', c.completionId)), ...record.credentials.map((k) => evidenceItemId('credential', k.credentialId)), ...presented];
  }

  /**
   * For a new request: a withdrawn completion is refused (400 `withdrawn-completion` at its
   * pointer), as an unknown one is: it is no evidence.
   */
  async readForSubmission(learnerId: string, items: RequestItem[]): Promise<LearnerEvidence> {
    const learner = await this.read(learnerId, items);
    const withdrawn = learner.withdrawn?.[0];
    if (withdrawn) {
      const item = items.find((i) => i.itemId === withdrawn.itemId);
      if (item?.kind === 'verifiable-credential') {
        const index = items.filter((i) => i.kind === item.kind).indexOf(item);
        throw refuse.invalid('revoked-credential', `presented credential ${withdrawn.refId} is ${withdrawn.reason} (status re-checked on ${withdrawn.withdrawnOn}): it is no evidence`, `/evidence/verifiableCredentialIds/${index}`);
      }
      const index = items.filter((i) => i.kind === 'completion').findIndex((i) => i.itemId === withdrawn.itemId);
      throw refuse.invalid('withdrawn-completion', `completion ${withdrawn.refId} was withdrawn by its issuer on ${withdrawn.withdrawnOn} (${withdrawn.reason})`, `/evidence/completionIds/${index}`);
    }
    return learner;
  }

  /**
   * `upToRevision` reads the stream as it was (to reproduce an earlier evaluation, or to
   * re-evaluate up to an evidence change). A withdrawn completion is listed in `withdrawn`, with
   * the events it was read from, and is not evidence.
   */
  async read(learnerId: string, items: RequestItem[], upToRevision?: number): Promise<LearnerEvidence> {
    const stream = learnerStream(learnerId);
    const events = (await readStreamEvents(this.store, stream)).filter((e) => upToRevision === undefined || e.revision <= upToRevision);
    const record = learnerRecordOf(events);
    if (!record.registered) throw refuse.notFound('learner-not-found', `learner ${learnerId} is not registered`);
    const evidence: RecognitionEvidence[] = [];
    const credentialsHeld: HeldCredential[] = [];
    const evidenceRead: EvidenceRead[] = [];
    const withdrawn: WithdrawnItem[] = [];
    const read = (itemId: string, kind: EvidenceRead['kind'], refId: string, eventType: string, ref: { eventId: string | null; position: number | null }) => {
      if (ref.eventId !== null && ref.position !== null) evidenceRead.push({ itemId, kind, refId, stream, eventId: ref.eventId, position: ref.position, eventType });
    };
    const seen = { completion: 0, credential: 0, 'verifiable-credential': 0 };
    items.forEach((item) => {
      const i = seen[item.kind]++;
      if (item.kind === 'verifiable-credential') {
        const found = presentedEvidenceFor(record, learnerId, item, `/evidence/verifiableCredentialIds/${i}`);
        found.reads.forEach((r) => read(item.itemId, 'verifiable-credential', found.vcId, r.eventType, r.evidence));
        if (found.revoked) withdrawn.push({ itemId: item.itemId, refId: found.vcId, reason: found.revoked.status, withdrawnOn: found.revoked.on, revokedCredential: true });
        else {
          evidence.push(found.evidence);
          if (found.held) credentialsHeld.push(found.held);
        }
      } else if (item.kind === 'completion') {
        const c = record.completions.find((x) => x.completionId === item.refId);
        if (!c) throw refuse.invalid('unknown-completion', `learner ${learnerId} has no completion ${item.refId}`, `/evidence/completionIds/${i}`);
        read(item.itemId, 'completion', c.completionId, 'CompletionRecorded', c.evidence);
        c.corrections.forEach((k) => read(item.itemId, 'completion', c.completionId, 'CompletionCorrected', k.evidence));
        if (c.withdrawal) {
          read(item.itemId, 'completion', c.completionId, 'CompletionWithdrawn', c.withdrawal.evidence);
          withdrawn.push({ itemId: item.itemId, refId: c.completionId, reason: c.withdrawal.reason, withdrawnOn: c.withdrawal.withdrawnOn });
          return;
        }
        evidence.push(completionEvidence(item.itemId, c));
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
    return { evidence, credentialsHeld, evidenceRead, learnerStream: { stream, revision: last.revision, lastPosition: last.position }, ...(withdrawn.length > 0 ? { withdrawn } : {}) };
  }
}

type ReadFn = (itemId: string, kind: EvidenceRead['kind'], refId: string, eventType: string, ref: { eventId: string | null; position: number | null }) => void;

function readCredential(itemId: string, k: CredentialView, read: ReadFn): void {
  read(itemId, 'credential', k.credentialId, 'MicroCredentialAwarded', k.evidence);
  if (k.revocation) read(itemId, 'credential', k.credentialId, 'MicroCredentialRevoked', k.revocation.evidence);
}

/** The records context's own mapping onto engine evidence, keyed by the request item id. */
function completionEvidence(itemId: string, c: CompletionView): RecognitionEvidence {
  return { ...completionEvidenceOf(c), id: itemId };
}

/** A revoked credential named in a request is evidence of nothing complete. */
function credentialEvidence(itemId: string, k: CredentialView): RecognitionEvidence {
  const ev = credentialEvidenceOf(k);
  return { ...ev, id: itemId, ...(ev.credential ? { credential: { ...ev.credential, complete: k.complete && !k.revoked } } : {}) };
}

function held(k: CredentialView): HeldCredential {
  const h: HeldCredential = { id: k.credentialId, type: k.type, issuer: k.issuerId, complete: k.complete && !k.revoked, awardedOn: k.issuedOn, title: k.title };
  if (k.code) h.code = k.code;
  if (k.evidence.eventId) h.evidenceEventId = k.evidence.eventId;
  return h;
}
