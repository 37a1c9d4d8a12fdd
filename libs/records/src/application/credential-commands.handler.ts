import { Inject, Injectable } from '@nestjs/common';
import { AccessRegistry } from '@app/platform';
import { atSourceTime, CommandContext, EVENT_STORE, EventStore, idFor, runCommand } from '@app/event-store';
import { refuse } from '@app/kernel';
import { learnerDecider } from '../domain/learner.decider';
import { learnerStream } from '../domain/streams';
import { actorOf } from './command-dates';
import { CommandResult } from './command-result';
import { CredentialInput, RevocationInput } from './records.inputs';
import { RecordsStreamReader } from './stream-reader';
import { workloadOf } from './workload-ects';

/**
 * AwardCredential and RevokeCredential. The awarding body and its country (EU mandatory
 * elements) come from the institution's registration, not from the request; the workload gets
 * its ECTS equivalent; the date of issue defaults to the date of `occurredAt`, else today (the
 * events occur at the date of issue; revocation: at `occurredAt`, else now); the code's published
 * credential definition (if any) is read for the decider to check a complete award against.
 */
@Injectable()
export class CredentialCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AccessRegistry,
    private readonly reader: RecordsStreamReader,
  ) {}

  async award(learnerId: string, input: CredentialInput, arrival: CommandContext): Promise<CommandResult> {
    const { workload, issuedOn: issuedOnField, occurredAt, ...rest } = input;
    const { context: ctx, date: issuedOn } = atSourceTime(arrival, { occurredAt, date: { pointer: '/issuedOn', value: issuedOnField } });
    const credentialId = idFor(ctx, 'credential');
    await this.access.refresh();
    const institution = this.access.institution(ctx.actor.institutionId);
    if (!institution) throw refuse.forbidden('institution-not-registered', `institution ${ctx.actor.institutionId} is not registered`);
    const definition = input.code ? (await this.reader.credentialDefinition(input.code)).definition : null;
    const command = {
      kind: 'AwardCredential' as const,
      ...rest,
      learnerId,
      credentialId,
      actor: actorOf(ctx),
      awardingBody: institution.name,
      country: institution.country,
      issuedOn,
      workload: workloadOf(workload.credits, workload.unit),
      definition,
    };
    const outcome = await runCommand(this.store, learnerDecider, learnerStream(learnerId), command, ctx, { resource: { type: 'learner', id: learnerId } });
    return { id: credentialId, outcome };
  }

  async revoke(learnerId: string, credentialId: string, input: RevocationInput, arrival: CommandContext): Promise<CommandResult> {
    const { context: ctx, date: revokedOn } = atSourceTime(arrival, { occurredAt: input.occurredAt });
    const command = { kind: 'RevokeCredential' as const, learnerId, credentialId, actor: actorOf(ctx), reason: input.reason, revokedOn };
    const outcome = await runCommand(this.store, learnerDecider, learnerStream(learnerId), command, ctx, { resource: { type: 'learner', id: learnerId } });
    return { id: credentialId, outcome };
  }
}
