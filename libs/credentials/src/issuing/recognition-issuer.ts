import { Inject, Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { CommandContext, EVENT_STORE, EventStore, foldStream, RecordedEvent, RevisionConflictError, runCommand } from '@app/event-store';
import { DomainError } from '@app/kernel';
import { AccessRegistry } from '@app/platform';
import { transferRequestDecider, transferRequestStream } from '@app/transfer';
import { CREDENTIALS_CONFIG, CredentialsConfig } from '../config/credentials.config';
import { InstitutionKeys } from '../keys/institution-keys.service';
import { IssuedCredential, latestOf, nextIndexOf, recognitionDecider, RecognitionState, STATUS_INDEX_TAKEN } from './recognition.decider';
import { recognitionStream, statusListIdOf } from './recognition.events';
import { recognitionCredentialDocument } from './recognition-credential.document';
import { signCredential } from './sign-credential';

const CREDENTIAL_NAMESPACE = '5d2c8a7e-31f4-5b9e-8c0a-6f1e2d3c4b5a';
const DECISION_TYPES = new Set(['ItemsDecided', 'RequestRevised']);

export type RequestDecision = { eventId: string; type: 'ItemsDecided' | 'RequestRevised'; on: string; event: RecordedEvent };

/** The decision in force of a request's events (its last decision or revision), and whether it was withdrawn after it. */
export function decisionOf(events: readonly RecordedEvent[]): { decision: RequestDecision | null; withdrawal: RecordedEvent | null } {
  let decision: RequestDecision | null = null;
  let withdrawal: RecordedEvent | null = null;
  for (const event of events) {
    if (DECISION_TYPES.has(event.type)) decision = { eventId: event.id, type: event.type as RequestDecision['type'], on: event.occurredAt, event };
    if (event.type === 'RequestWithdrawn') withdrawal = event;
  }
  return { decision, withdrawal };
}

export const statusListUrl = (config: CredentialsConfig, statusListId: string): string => `${config.publicBaseUrl}/status-lists/${encodeURIComponent(statusListId)}`;

/**
 * Brings a request's recognition credentials in line with its events: the decision in force has
 * a credential (issued, signed by the receiving institution's key in force, on its status list);
 * a replaced decision's credential is revoked; a withdrawn request's too. Idempotent: the
 * reactor calls it for each decision event, a read calls it again, nothing is appended twice.
 */
@Injectable()
export class RecognitionIssuer {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CREDENTIALS_CONFIG) private readonly config: CredentialsConfig,
    private readonly keys: InstitutionKeys,
    private readonly access: AccessRegistry,
  ) {}

  /** The request's credential in force after the sync (null: not decided, or withdrawn). */
  async sync(requestId: string): Promise<IssuedCredential | null> {
    const stream = transferRequestStream(requestId);
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(stream)) events.push(event);
    const { state } = await foldStream(this.store, transferRequestDecider, stream);
    const request = state.request;
    if (!request) return null;
    const institutionId = request.receivingInstitution;
    const { decision, withdrawal } = decisionOf(events);
    if (withdrawal && (decision === null || withdrawal.position > decision.event.position)) {
      await runCommand(this.store, recognitionDecider, recognitionStream(institutionId), { kind: 'Revoke', institutionId, requestId, reason: 'request-withdrawn', causeEventId: withdrawal.id, on: withdrawal.occurredAt }, this.context(institutionId, withdrawal));
      return null;
    }
    if (decision === null) return null;
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.recognition(institutionId);
      const latest = latestOf(current, requestId);
      if (latest?.decision.eventId === decision.eventId) return latest;
      try {
        await this.issue(institutionId, requestId, state, decision, current);
      } catch (error) {
        if (error instanceof DomainError && error.code === STATUS_INDEX_TAKEN && attempt < 5) continue;
        throw error;
      }
    }
  }

  async recognition(institutionId: string): Promise<RecognitionState> {
    return (await foldStream(this.store, recognitionDecider, recognitionStream(institutionId))).state;
  }

  private async issue(institutionId: string, requestId: string, state: Parameters<typeof recognitionCredentialDocument>[0]['state'], decision: RequestDecision, current: RecognitionState): Promise<void> {
    const context = this.context(institutionId, decision.event);
    const key = await this.keys.ensure(institutionId, context);
    const statusListId = statusListIdOf(institutionId, key.sequence);
    const statusListIndex = nextIndexOf(current, statusListId);
    const credentialId = `urn:uuid:${uuidv5(`${requestId}\u0000${decision.eventId}`, CREDENTIAL_NAMESPACE)}`;
    await this.access.refresh();
    const name = this.access.institution(institutionId)?.name ?? institutionId;
    const document = recognitionCredentialDocument({ state, credentialId, decision, issuer: { did: key.did, name }, status: { listUrl: statusListUrl(this.config, statusListId), index: statusListIndex } });
    const credential = await signCredential(document, await this.keys.signer(key), decision.on);
    await runCommand(this.store, recognitionDecider, recognitionStream(institutionId), {
      kind: 'Issue', institutionId, requestId, credentialId, decision: { eventId: decision.eventId, type: decision.type, on: decision.on }, keyId: key.keyId, statusListId, statusListIndex, credential, on: new Date().toISOString(),
    }, context, { maxAttempts: 1 }).catch((error: unknown) => {
      // A concurrent append moved the stream: the next attempt re-reads it (and may find this decision issued).
      if (error instanceof RevisionConflictError) throw new DomainError('conflict', STATUS_INDEX_TAKEN, 'the recognition stream moved');
      throw error;
    });
  }

  private context(institutionId: string, cause: RecordedEvent): CommandContext {
    return { actor: { institutionId, role: 'system' }, correlationId: cause.metadata.correlationId, causationId: cause.id };
  }
}
