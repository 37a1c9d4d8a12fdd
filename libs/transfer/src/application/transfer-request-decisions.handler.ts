import { Inject, Injectable } from '@nestjs/common';
import { atSourceTime, CommandContext, CommandOutcome, EVENT_STORE, EventStore, idFor, loadAggregate, runCommand } from '@app/event-store';
import { ItemDecisionInput, TransferRequestCommand } from '../domain/transfer-request.commands';
import { isPartyTo } from '../domain/request-visibility';
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
 * appeals and withdraws), so every refusal appends nothing. Each step occurs at the body's
 * `occurredAt` (a decision taken on paper last week) or on arrival, and its date (decidedOn,
 * grantedOn, appealedOn, revisedOn, withdrawnOn) is that time's UTC date; a step dated before the
 * request's previous step is refused (400 /occurredAt).
 */
@Injectable()
export class TransferRequestDecisionsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly programs: ProgramCatalog,
    private readonly reproducer: EvaluationReproducer,
  ) {}

  decide(requestId: string, items: ItemDecisionInput[], arrival: CommandContext, occurredAt?: string): Promise<CommandOutcome> {
    const at = atSourceTime(arrival, { occurredAt });
    return this.run(requestId, { kind: 'DecideItems', actor: at.context.actor, items, decidedOn: at.date }, at);
  }

  async grantException(
    requestId: string,
    input: { kind: 'waive' | 'substitute'; rulePath: string; itemId?: string; reason: string; occurredAt?: string },
    arrival: CommandContext,
  ): Promise<{ exceptionId: string; outcome: CommandOutcome }> {
    const at = atSourceTime(arrival, { occurredAt: input.occurredAt });
    const ctx = at.context;
    const { state } = await loadAggregate(this.store, transferRequestDecider, transferRequestStream(requestId));
    // Nothing is read for a request the actor is no party to: the decider answers it 404.
    const request = state.request && isPartyTo(ctx.actor, state.request) ? state.request : null;
    const knownRulePaths = request ? rulePathsOf((await this.programs.version(request.programId, request.programVersion)).program) : [];
    const exceptionId = idFor(ctx, 'exception');
    const itemId = input.itemId ?? null;
    const granted = { exceptionId, kind: input.kind, rulePath: input.rulePath, programVersion: request?.programVersion ?? '', itemId };
    const inForce = evaluationInForce(state);
    const programEvaluation = request && inForce && knownRulePaths.includes(input.rulePath) ? await this.reevaluate(requestId, [...state.exceptions, granted], inForce.learnerStream.revision) : null;
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
      grantedOn: at.date,
    };
    return { exceptionId, outcome: await this.run(requestId, command, at) };
  }

  appeal(requestId: string, input: { grounds: string; itemIds?: string[]; occurredAt?: string }, arrival: CommandContext): Promise<CommandOutcome> {
    const at = atSourceTime(arrival, { occurredAt: input.occurredAt });
    return this.run(requestId, { kind: 'Appeal', actor: at.context.actor, grounds: input.grounds, itemIds: input.itemIds ?? [], appealedOn: at.date }, at);
  }

  revise(requestId: string, input: { items: ItemDecisionInput[]; note?: string; occurredAt?: string }, arrival: CommandContext): Promise<CommandOutcome> {
    const at = atSourceTime(arrival, { occurredAt: input.occurredAt });
    return this.run(requestId, { kind: 'Revise', actor: at.context.actor, items: input.items, note: input.note ?? null, revisedOn: at.date }, at);
  }

  withdraw(requestId: string, input: { reason?: string; occurredAt?: string }, arrival: CommandContext): Promise<CommandOutcome> {
    const at = atSourceTime(arrival, { occurredAt: input.occurredAt });
    return this.run(requestId, { kind: 'Withdraw', actor: at.context.actor, reason: input.reason ?? null, withdrawnOn: at.date }, at);
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

  /** A step whose time the client chose may not precede the request's previous step. */
  private run(requestId: string, command: TransferRequestCommand, at: { context: CommandContext; sourceGiven: boolean }): Promise<CommandOutcome> {
    return runCommand(this.store, transferRequestDecider, transferRequestStream(requestId), command, at.context, { notBeforeLastEvent: at.sourceGiven, resource: { type: 'transfer request', id: requestId } });
  }
}
