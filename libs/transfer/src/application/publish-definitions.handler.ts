import { Inject, Injectable } from '@nestjs/common';
import { atSourceTime, CommandContext, CommandOutcome, EVENT_STORE, EventStore, runCommand } from '@app/event-store';
import { parseProgram, parseRecognitionPolicy } from '@app/requirements';
import { admissionDecider } from '../domain/admission.decider';
import { policyDecider } from '../domain/policy.decider';
import { programDecider } from '../domain/program.decider';
import { admissionStream, policyStream, programStream } from '../domain/transfer.streams';
import { invalidDefinition } from './definition-errors';
import { LearnerEvidenceReader } from './learner-evidence.reader';
import { ProgramCatalog } from './program-catalog';

/**
 * Registrar commands that publish a receiving institution's catalog: program and policy versions,
 * admissions. A publication occurs at the body's `occurredAt` (e.g. a catalog imported from
 * before this system), else on arrival, and `publishedOn` is its date; an admission occurs on its
 * decision date (`decidedOn`, or the date of `occurredAt`, or today).
 */
@Injectable()
export class PublishDefinitionsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly programs: ProgramCatalog,
    private readonly learners: LearnerEvidenceReader,
  ) {}

  publishProgramVersion(programId: string, definition: unknown, arrival: CommandContext, occurredAt?: string): Promise<CommandOutcome> {
    const parsed = parseProgram(definition);
    if (!parsed.ok) throw invalidDefinition('program-definition-invalid', 'program definition', parsed.errors);
    const { context: ctx, date: publishedOn } = atSourceTime(arrival, { occurredAt });
    const command = { kind: 'PublishProgramVersion' as const, actor: ctx.actor, programId, definition, publishedOn };
    return runCommand(this.store, programDecider, programStream(programId), command, ctx);
  }

  publishPolicyVersion(policyId: string, definition: unknown, arrival: CommandContext, occurredAt?: string): Promise<CommandOutcome> {
    const parsed = parseRecognitionPolicy(definition);
    if (!parsed.ok) throw invalidDefinition('policy-definition-invalid', 'policy definition', parsed.errors);
    const { context: ctx, date: publishedOn } = atSourceTime(arrival, { occurredAt });
    const command = { kind: 'PublishPolicyVersion' as const, actor: ctx.actor, policyId, definition, publishedOn };
    return runCommand(this.store, policyDecider, policyStream(policyId), command, ctx);
  }

  /** Admits a learner to a program of the registrar's own institution. */
  async admitLearner(
    input: { learnerId: string; programId: string; decidedOn?: string; occurredAt?: string },
    arrival: CommandContext,
  ): Promise<{ id: string; outcome: CommandOutcome }> {
    const { context: ctx, date: decidedOn } = atSourceTime(arrival, { occurredAt: input.occurredAt, date: { pointer: '/decidedOn', value: input.decidedOn } });
    const institutionId = ctx.actor.institutionId;
    const { state } = await this.programs.load(input.programId);
    const command = {
      kind: 'AdmitLearner' as const,
      actor: ctx.actor,
      institutionId,
      learnerId: input.learnerId,
      programId: input.programId,
      decidedOn,
      programOwnedByInstitution: state.institutionId === institutionId,
      learnerRegistered: await this.learners.isRegistered(input.learnerId),
    };
    const stream = admissionStream(institutionId, input.learnerId);
    return { id: stream, outcome: await runCommand(this.store, admissionDecider, stream, command, ctx) };
  }
}
