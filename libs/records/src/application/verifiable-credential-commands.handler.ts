import { Inject, Injectable, Optional, ServiceUnavailableException } from '@nestjs/common';
import { atSourceTime, CommandContext, EVENT_STORE, EventStore, idFor, runCommand } from '@app/event-store';
import { learnerDecider } from '../domain/learner.decider';
import { LearnerCommand } from '../domain/learner.commands';
import { learnerStream } from '../domain/streams';
import { JsonObject } from '../domain/verifiable-credential.values';
import { actorOf } from './command-dates';
import { CommandResult } from './command-result';
import { credentialDigest } from './credential-digest';
import { CREDENTIAL_VERIFIER, CredentialVerifierPort } from './credential-verifier.port';
import { RecordsStreamReader } from './stream-reader';

export interface PresentCredentialInput {
  credential: JsonObject | string;
  statusLists?: JsonObject[];
  /** Validity is checked at this date-time; default: the command's occurred-at. */
  referenceDate?: string;
  occurredAt?: string;
}

export interface RecheckCredentialInput {
  statusLists?: JsonObject[];
  occurredAt?: string;
}

/**
 * PresentVerifiableCredential and RecheckVerifiableCredential: verifies through the credentials
 * context's verifier (the port), then lets the learner decider refuse (422 with the checks) or
 * record the outcome. A re-check re-verifies the document exactly as it was stored.
 */
@Injectable()
export class VerifiableCredentialCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: RecordsStreamReader,
    @Optional() @Inject(CREDENTIAL_VERIFIER) private readonly verifier: CredentialVerifierPort | null,
  ) {}

  async present(learnerId: string, input: PresentCredentialInput, arrival: CommandContext): Promise<CommandResult> {
    const { context: ctx, date: presentedOn } = atSourceTime(arrival, { occurredAt: input.occurredAt });
    const vcId = idFor(ctx, 'verifiable-credential');
    const referenceDate = input.referenceDate ?? ctx.occurredAt ?? new Date().toISOString();
    const verification = await this.port().verify({ credential: input.credential, statusLists: input.statusLists, referenceDate });
    const command: LearnerCommand = {
      kind: 'PresentVerifiableCredential',
      learnerId,
      vcId,
      actor: actorOf(ctx),
      document: input.credential,
      digest: credentialDigest(input.credential),
      verification,
      referenceDate,
      presentedOn,
    };
    return this.run(learnerId, vcId, command, ctx);
  }

  async recheck(learnerId: string, vcId: string, input: RecheckCredentialInput, arrival: CommandContext): Promise<CommandResult> {
    const { context: ctx, date: recheckedOn } = atSourceTime(arrival, { occurredAt: input.occurredAt });
    const { presented } = await this.reader.presentedCredential(learnerId, vcId);
    // The stored document, at its recorded reference date: only the status can have changed.
    const verification = await this.port().verify({ credential: presented.document, statusLists: input.statusLists, referenceDate: presented.referenceDate });
    const command: LearnerCommand = { kind: 'RecheckVerifiableCredential', learnerId, vcId, actor: actorOf(ctx), verification, recheckedOn };
    return this.run(learnerId, vcId, command, ctx);
  }

  private port(): CredentialVerifierPort {
    if (!this.verifier) throw new ServiceUnavailableException('credential verification is not configured in this service');
    return this.verifier;
  }

  private async run(learnerId: string, id: string, command: LearnerCommand, ctx: CommandContext): Promise<CommandResult> {
    const outcome = await runCommand(this.store, learnerDecider, learnerStream(learnerId), command, ctx, { resource: { type: 'learner', id: learnerId } });
    return { id, outcome };
  }
}
