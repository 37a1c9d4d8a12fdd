import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, commandDate, EVENT_STORE, EventStore, idFor, runCommand } from '@app/event-store';
import { learnerDecider } from '../domain/learner.decider';
import { LearnerCommand } from '../domain/learner.commands';
import { learnerStream } from '../domain/streams';
import { actorOf } from './command-dates';
import { CommandResult } from './command-result';
import { ExternalRefHasher } from './external-ref-hasher';
import { CompletionInput, CorrectionInput, EnrollmentInput, RegisterLearnerInput, WithdrawalInput } from './records.inputs';
import { RecordsStreamReader } from './stream-reader';

/**
 * RegisterLearner, RecordEnrollment, RecordCompletion, CorrectCompletion, WithdrawCompletion: generates ids with
 * idFor (deterministic under an Idempotency-Key), loads the course the command names so the
 * decider can check its issuer, and runs the learner decider on the learner's stream.
 */
@Injectable()
export class LearnerCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: RecordsStreamReader,
    private readonly hasher: ExternalRefHasher,
  ) {}

  register(input: RegisterLearnerInput, ctx: CommandContext): Promise<CommandResult> {
    const learnerId = idFor(ctx, 'learner');
    const externalRefHash = this.hasher.hash(ctx.actor.institutionId, input.externalRef);
    return this.run(learnerId, learnerId, { kind: 'RegisterLearner', learnerId, actor: actorOf(ctx), externalRefHash }, ctx);
  }

  async enroll(learnerId: string, input: EnrollmentInput, ctx: CommandContext): Promise<CommandResult> {
    const enrollmentId = idFor(ctx, 'enrollment');
    const { course } = await this.reader.course(input.courseId);
    const command: LearnerCommand = {
      kind: 'RecordEnrollment',
      learnerId,
      enrollmentId,
      actor: actorOf(ctx),
      courseId: input.courseId,
      course,
      term: input.term ?? null,
      enrolledOn: input.enrolledOn,
    };
    return this.run(learnerId, enrollmentId, command, ctx);
  }

  async complete(learnerId: string, input: CompletionInput, ctx: CommandContext): Promise<CommandResult> {
    const completionId = idFor(ctx, 'completion');
    const { course } = await this.reader.course(input.courseId);
    return this.run(learnerId, completionId, { kind: 'RecordCompletion', learnerId, completionId, actor: actorOf(ctx), course, ...input }, ctx);
  }

  correct(learnerId: string, completionId: string, input: CorrectionInput, ctx: CommandContext): Promise<CommandResult> {
    const command: LearnerCommand = { kind: 'CorrectCompletion', learnerId, completionId, actor: actorOf(ctx), grade: input.grade, reason: input.reason, correctedOn: commandDate(ctx) };
    return this.run(learnerId, completionId, command, ctx);
  }

  withdraw(learnerId: string, completionId: string, input: WithdrawalInput, ctx: CommandContext): Promise<CommandResult> {
    const command: LearnerCommand = { kind: 'WithdrawCompletion', learnerId, completionId, actor: actorOf(ctx), reason: input.reason, withdrawnOn: commandDate(ctx) };
    return this.run(learnerId, completionId, command, ctx);
  }

  private async run(learnerId: string, id: string, command: LearnerCommand, ctx: CommandContext): Promise<CommandResult> {
    const outcome = await runCommand(this.store, learnerDecider, learnerStream(learnerId), command, ctx);
    return { id, outcome };
  }
}
