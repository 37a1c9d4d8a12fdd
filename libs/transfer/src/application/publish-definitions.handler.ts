import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, commandDate, CommandOutcome, EVENT_STORE, EventStore, runCommand } from '@app/event-store';
import { parseProgram, parseRecognitionPolicy } from '@app/requirements';
import { admissionDecider } from '../domain/admission.decider';
import { policyDecider } from '../domain/policy.decider';
import { programDecider } from '../domain/program.decider';
import { admissionStream, policyStream, programStream } from '../domain/transfer.streams';
import { invalidDefinition } from './definition-errors';
import { LearnerEvidenceReader } from './learner-evidence.reader';
import { ProgramCatalog } from './program-catalog';

/** Registrar commands that publish a receiving institution's catalog: program and policy versions, admissions. */
@Injectable()
export class PublishDefinitionsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly programs: ProgramCatalog,
    private readonly learners: LearnerEvidenceReader,
  ) {}

  publishProgramVersion(programId: string, definition: unknown, ctx: CommandContext): Promise<CommandOutcome> {
    const parsed = parseProgram(definition);
    if (!parsed.ok) throw invalidDefinition('program-definition-invalid', 'program definition', parsed.errors);
    const command = { kind: 'PublishProgramVersion' as const, actor: ctx.actor, programId, definition, publishedOn: commandDate(ctx) };
    return runCommand(this.store, programDecider, programStream(programId), command, ctx, { resource: { type: 'program', id: programId } });
  }

  publishPolicyVersion(policyId: string, definition: unknown, ctx: CommandContext): Promise<CommandOutcome> {
    const parsed = parseRecognitionPolicy(definition);
    if (!parsed.ok) throw invalidDefinition('policy-definition-invalid', 'policy definition', parsed.errors);
    const command = { kind: 'PublishPolicyVersion' as const, actor: ctx.actor, policyId, definition, publishedOn: commandDate(ctx) };
    return runCommand(this.store, policyDecider, policyStream(policyId), command, ctx, { resource: { type: 'recognition policy', id: policyId } });
  }

  /** Admits a learner to a program of the registrar's own institution. */
  async admitLearner(input: { learnerId: string; programId: string; decidedOn?: string }, ctx: CommandContext): Promise<{ id: string; outcome: CommandOutcome }> {
    const institutionId = ctx.actor.institutionId;
    const { state } = await this.programs.load(input.programId);
    const command = {
      kind: 'AdmitLearner' as const,
      actor: ctx.actor,
      institutionId,
      learnerId: input.learnerId,
      programId: input.programId,
      decidedOn: input.decidedOn ?? commandDate(ctx),
      programOwnedByInstitution: state.institutionId === institutionId,
      learnerRegistered: await this.learners.isRegistered(input.learnerId),
    };
    const stream = admissionStream(institutionId, input.learnerId);
    return { id: stream, outcome: await runCommand(this.store, admissionDecider, stream, command, ctx, { resource: { type: 'admission of learner', id: input.learnerId } }) };
  }
}
