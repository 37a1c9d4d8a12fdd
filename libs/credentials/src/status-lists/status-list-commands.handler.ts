import { createHash } from 'crypto';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { CommandContext, canonicalJson, CommandOutcome, EVENT_STORE, EventStore, runCommand } from '@app/event-store';
import { Json } from '@app/kernel';
import { errorBody } from '@app/platform';
import { CredentialVerifier } from '../verification/credential-verifier';
import { issuerOf } from '../verification/issuer-trust';
import { validityWindow } from '../verification/validity-check';
import { Check, JsonObject, asArray, isObject } from '../verification/verification.report';
import { statusListDecider } from './status-list.decider';
import { statusListStream } from './status-list-streams';

export interface RegisterStatusListInput {
  credential: JsonObject;
  /** The URL status entries point to, when it is not the list credential's id. */
  url?: string;
}

/**
 * RegisterStatusList (POST /status-lists): the list credential is verified first (proof, validity
 * now, shape); one that fails is refused 422 with the checks, nothing appended.
 */
@Injectable()
export class StatusListCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly verifier: CredentialVerifier,
  ) {}

  async register(input: RegisterStatusListInput, ctx: CommandContext): Promise<{ id: string; outcome: CommandOutcome; checks: Check[] }> {
    const credential = input.credential;
    const registeredAt = ctx.occurredAt ?? new Date().toISOString();
    const checks = await this.verifier.verifyStatusList(credential, new Date(registeredAt));
    const listId = typeof credential.id === 'string' ? credential.id : null;
    const failed = checks.filter((c) => c.outcome !== 'passed');
    if (!listId || failed.length > 0) {
      const errors = [...(listId ? [] : [{ location: 'body' as const, path: '/credential/id', message: 'a status list credential needs an id' }]), ...failed.map((c) => ({ location: 'body' as const, path: '/credential', message: `${c.check}: ${c.message}` }))];
      throw new UnprocessableEntityException({ ...errorBody(422, 'the status list credential did not verify; nothing was registered', errors, 'status-list-not-verified'), checks });
    }
    const canonical = canonicalJson(credential);
    const json: { [key: string]: Json } = JSON.parse(canonical);
    const window = validityWindow(credential);
    const subject = asArray(credential.credentialSubject).find(isObject);
    const command = {
      kind: 'RegisterStatusList' as const,
      listId,
      urls: [...new Set([listId, ...(input.url ? [input.url] : [])])],
      credential: json,
      digest: createHash('sha256').update(canonical).digest('hex'),
      issuer: issuerOf(credential).id,
      statusPurpose: subject ? asArray(subject.statusPurpose).filter((p): p is string => typeof p === 'string') : [],
      validFrom: window.from,
      validUntil: window.until,
      registeredBy: { institutionId: ctx.actor.institutionId, role: ctx.actor.role },
      registeredAt,
    };
    const outcome = await runCommand(this.store, statusListDecider, statusListStream(listId), command, ctx, { resource: { type: 'status list', id: listId } });
    return { id: listId, outcome, checks };
  }
}
