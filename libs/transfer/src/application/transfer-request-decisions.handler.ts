import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, commandDate, CommandOutcome, EVENT_STORE, EventStore, idFor, loadAggregate, runCommand } from '@app/event-store';
import { ItemDecisionInput, TransferRequestCommand } from '../domain/transfer-request.commands';
import { transferRequestDecider } from '../domain/transfer-request.decider';
import { transferRequestStream } from '../domain/transfer.streams';
import { evaluationInForce } from '../domain/transfer-request.state';
import { evaluateTransferRequest } from './evaluate-transfer-request';
import { GrantedException, programExceptionsOf } from './program-exceptions';
import { ProgramCatalog, rulePathsOf } from './program-catalog';
import { EvaluationReproducer } from './reproduce-evaluation';

/**
 * Commands on an existing request. The decider checks who may do what (the receiving
 * institution's registrar decides, grants exceptions and revises; the submitting institution
 * appeals and withdraws), so every refusal appends nothing.
 */
@Injectable()
export class TransferRequestDecisionsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly programs: ProgramCatalog,
    private readonly reproducer: EvaluationReproducer,
  ) {}

  decide(requestId: string, items: ItemDecisionInput[], ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(requestId, { kind: 'DecideItems', actor: ctx.actor, items, decidedOn: commandDate(ctx) }, ctx);
  }

  async grantException(
    requestId: string,
    input: { kind: 'waive' | 'substitute'; rulePath: string; itemId?: string; reason: string },
    ctx: CommandContext,
  ): Promise<{ exceptionId: string; outcome: CommandOutcome }> {
    const { state } = await loadAggregate(this.store, transferRequestDecider, transferRequestStream(requestId));
    const request = state.request;
    const knownRulePaths = request ? rulePathsOf((await this.programs.version(request.programId, request.programVersion)).program) : [];
    const exceptionId = idFor(ctx, 'exception');
    const itemId = input.itemId ?? null;
    const granted = { exceptionId, kind: input.kind, rulePath: input.rulePath, programVersion: request?.programVersion ?? '', itemId };
    const inForce = evaluationInForce(state);
    const programEvaluation = inForce && knownRulePaths.includes(input.rulePath) ? await this.reevaluate(requestId, [...state.exceptions, granted], inForce.learnerStream.revision) : null;
    const command: TransferRequestCommand = {
      kind: 'GrantException',
      actor: ctx.actor,
      exceptionId,
      exceptionKind: input.kind,
      rulePath: input.rulePath,
      itemId,
      reason: input.reason,
      knownRulePaths,
      programEvaluation,
      grantedOn: commandDate(ctx),
    };
    return { exceptionId, outcome: await this.run(requestId, command, ctx) };
  }

  appeal(requestId: string, input: { grounds: string; itemIds?: string[] }, ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(requestId, { kind: 'Appeal', actor: ctx.actor, grounds: input.grounds, itemIds: input.itemIds ?? [], appealedOn: commandDate(ctx) }, ctx);
  }

  revise(requestId: string, input: { items: ItemDecisionInput[]; note?: string }, ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(requestId, { kind: 'Revise', actor: ctx.actor, items: input.items, note: input.note ?? null, revisedOn: commandDate(ctx) }, ctx);
  }

  withdraw(requestId: string, input: { reason?: string }, ctx: CommandContext): Promise<CommandOutcome> {
    return this.run(requestId, { kind: 'Withdraw', actor: ctx.actor, reason: input.reason ?? null, withdrawnOn: commandDate(ctx) }, ctx);
  }

  /**
   * The automatic evaluation re-run from the inputs it recorded, with the exceptions applied, on
   * the evidence in force (the learner stream as the latest re-evaluation after an evidence change
   * read it, else as the evaluation read it). Reproducible from the recorded inputs plus the
   * ExceptionGranted events.
   */
  private async reevaluate(requestId: string, exceptions: GrantedException[], learnerRevision: number | undefined) {
    const { inputs } = await this.reproducer.inputsOf(requestId, learnerRevision);
    return evaluateTransferRequest({ ...inputs, exceptions: programExceptionsOf(exceptions) }).programEvaluation;
  }

  private run(requestId: string, command: TransferRequestCommand, ctx: CommandContext): Promise<CommandOutcome> {
    return runCommand(this.store, transferRequestDecider, transferRequestStream(requestId), command, ctx);
  }
}
