import { Inject, Injectable } from '@nestjs/common';
import { atSourceTime, CommandContext, EVENT_STORE, EventStore, idFor, runCommand } from '@app/event-store';
import { learnerDecider } from '../domain/learner.decider';
import { LearnerCommand } from '../domain/learner.commands';
import { learnerStream } from '../domain/streams';
import { actorOf } from './command-dates';
import { CommandResult } from './command-result';
import { AutoAwardCandidates } from './auto-award-candidates';
import { ExternalRefHasher } from './external-ref-hasher';
import { CompletionInput, CorrectionInput, EnrollmentInput, RegisterLearnerInput, WithdrawalInput } from './records.inputs';
import { RecordsStreamReader } from './stream-reader';

/**
 * RegisterLearner, RecordEnrollment, RecordCompletion, CorrectCompletion, WithdrawCompletion: generates ids with
 * idFor (deterministic under an Idempotency-Key), loads the course the command names so the
 * decider can check its issuer, and runs the learner decider on the learner's stream. Each
 * event's occurred-at is the fact's own date (enrolledOn, completedOn), or the body's
 * `occurredAt` (registration, correction), or the request's arrival (atSourceTime). A completion
 * carries the auto-award candidates of its course, so the decider awards, in the same append, the
 * credential programs marked autoAward that it completes (domain/auto-award.ts).
 */
@Injectable()
export class LearnerCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: RecordsStreamReader,
    private readonly hasher: ExternalRefHasher,
    private readonly autoAwards: AutoAwardCandidates,
  ) {}

  register(input: RegisterLearnerInput, arrival: CommandContext): Promise<CommandResult> {
    const { context: ctx } = atSourceTime(arrival, { occurredAt: input.occurredAt });
    const learnerId = idFor(ctx, 'learner');
    const externalRefHash = this.hasher.hash(ctx.actor.institutionId, input.externalRef);
    return this.run(learnerId, learnerId, { kind: 'RegisterLearner', learnerId, actor: actorOf(ctx), externalRefHash }, ctx);
  }

  async enroll(learnerId: string, input: EnrollmentInput, arrival: CommandContext): Promise<CommandResult> {
    const { context: ctx } = atSourceTime(arrival, { occurredAt: input.occurredAt, date: { pointer: '/enrolledOn', value: input.enrolledOn } });
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

  async complete(learnerId: string, input: CompletionInput, arrival: CommandContext): Promise<CommandResult> {
    const { occurredAt, ...completion } = input;
    const { context: ctx } = atSourceTime(arrival, { occurredAt, date: { pointer: '/completedOn', value: input.completedOn } });
    const completionId = idFor(ctx, 'completion');
    const { course } = await this.reader.course(input.courseId);
    const autoAwards = await this.autoAwards.forCompletion(input.courseId, ctx);
    return this.run(learnerId, completionId, { kind: 'RecordCompletion', learnerId, completionId, actor: actorOf(ctx), course, ...completion, autoAwards }, ctx);
  }

  correct(learnerId: string, completionId: string, input: CorrectionInput, arrival: CommandContext): Promise<CommandResult> {
    const { context: ctx, date: correctedOn } = atSourceTime(arrival, { occurredAt: input.occurredAt });
    const command: LearnerCommand = { kind: 'CorrectCompletion', learnerId, completionId, actor: actorOf(ctx), grade: input.grade, reason: input.reason, correctedOn };
    return this.run(learnerId, completionId, command, ctx);
  }

  withdraw(learnerId: string, completionId: string, input: WithdrawalInput, arrival: CommandContext): Promise<CommandResult> {
    const { context: ctx, date: withdrawnOn } = atSourceTime(arrival, { occurredAt: input.occurredAt });
    const command: LearnerCommand = { kind: 'WithdrawCompletion', learnerId, completionId, actor: actorOf(ctx), reason: input.reason, withdrawnOn };
    return this.run(learnerId, completionId, command, ctx);
  }

  private async run(learnerId: string, id: string, command: LearnerCommand, ctx: CommandContext): Promise<CommandResult> {
    const outcome = await runCommand(this.store, learnerDecider, learnerStream(learnerId), command, ctx, { resource: { type: 'learner', id: learnerId } });
    return { id, outcome };
  }
}
