import { Inject, Injectable } from '@nestjs/common';
import { AccessRegistry } from '@app/platform';
import { CommandContext, commandDate, EVENT_STORE, EventStore, idFor, runCommand } from '@app/event-store';
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
 * its ECTS equivalent; the date of issue defaults to today; the code's published credential
 * definition (if any) is read for the decider to check a complete award against.
 */
@Injectable()
export class CredentialCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AccessRegistry,
    private readonly reader: RecordsStreamReader,
  ) {}

  async award(learnerId: string, input: CredentialInput, ctx: CommandContext): Promise<CommandResult> {
    const credentialId = idFor(ctx, 'credential');
    await this.access.refresh();
    const institution = this.access.institution(ctx.actor.institutionId);
    if (!institution) throw refuse.forbidden('institution-not-registered', `institution ${ctx.actor.institutionId} is not registered`);
    const { workload, issuedOn, ...rest } = input;
    const definition = input.code ? (await this.reader.credentialDefinition(input.code)).definition : null;
    const command = {
      kind: 'AwardCredential' as const,
      ...rest,
      learnerId,
      credentialId,
      actor: actorOf(ctx),
      awardingBody: institution.name,
      country: institution.country,
      issuedOn: issuedOn ?? commandDate(ctx),
      workload: workloadOf(workload.credits, workload.unit),
      definition,
    };
    const outcome = await runCommand(this.store, learnerDecider, learnerStream(learnerId), command, ctx, { resource: { type: 'learner', id: learnerId } });
    return { id: credentialId, outcome };
  }

  async revoke(learnerId: string, credentialId: string, input: RevocationInput, ctx: CommandContext): Promise<CommandResult> {
    const command = { kind: 'RevokeCredential' as const, learnerId, credentialId, actor: actorOf(ctx), reason: input.reason, revokedOn: commandDate(ctx) };
    const outcome = await runCommand(this.store, learnerDecider, learnerStream(learnerId), command, ctx, { resource: { type: 'learner', id: learnerId } });
    return { id: credentialId, outcome };
  }
}
