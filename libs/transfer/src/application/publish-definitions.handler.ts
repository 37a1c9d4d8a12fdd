import { Inject, Injectable } from '@nestjs/common';
import { atSourceTime, CommandContext, CommandOutcome, EVENT_STORE, EventStore, loadAggregate, runCommand } from '@app/event-store';
import { Decider, DomainEvent } from '@app/kernel';
import { parseProgram, parseRecognitionPolicy } from '@app/requirements';
import { admissionDecider } from '../domain/admission.decider';
import { policyDecider } from '../domain/policy.decider';
import { programDecider } from '../domain/program.decider';
import { admissionStream, policyStream, programStream } from '../domain/transfer.streams';
import { ReferenceFinding } from '../domain/definition-references';
import { invalidDefinition } from './definition-errors';
import { DefinitionReferencesReader } from './definition-references.reader';
import { LearnerEvidenceReader } from './learner-evidence.reader';
import { ProgramCatalog } from './program-catalog';

/** A publication's outcome, with what the definition names that does not exist yet (allowed forward references). */
export interface PublishOutcome {
  outcome: CommandOutcome;
  /** Paths are JSON pointers into the request body ("/definition/..."). */
  warnings: ReferenceFinding[];
}

/**
 * Registrar commands that publish a receiving institution's catalog: program and policy versions,
 * admissions. A definition is parsed (400 with every fault), then what it names is checked
 * (400 for unknown institutions and programs, warnings for courses not recorded yet), then the
 * decider rules on the publication (owner, immutability, effective periods). A publication occurs
 * at the body's `occurredAt` (e.g. a catalog imported from before this system), else on arrival,
 * and `publishedOn` is its date; an admission occurs on its decision date (`decidedOn`, or the
 * date of `occurredAt`, or today).
 */
@Injectable()
export class PublishDefinitionsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly programs: ProgramCatalog,
    private readonly learners: LearnerEvidenceReader,
    private readonly references: DefinitionReferencesReader,
  ) {}

  async publishProgramVersion(programId: string, definition: unknown, arrival: CommandContext, occurredAt?: string): Promise<PublishOutcome> {
    const parsed = parseProgram(definition);
    if (!parsed.ok) throw invalidDefinition('program-definition-invalid', 'program definition', parsed.errors);
    const { context: ctx, date: publishedOn } = atSourceTime(arrival, { occurredAt });
    const command = { kind: 'PublishProgramVersion' as const, actor: ctx.actor, programId, definition, publishedOn };
    await this.decidable(programDecider, programStream(programId), command);
    const report = await this.references.checkProgram(parsed.program, ctx.actor.institutionId);
    if (report.errors.length > 0) throw invalidDefinition('definition-references-invalid', 'what the program definition names', report.errors);
    return { outcome: await runCommand(this.store, programDecider, programStream(programId), command, ctx, { resource: { type: 'program', id: programId } }), warnings: inBody(report.warnings) };
  }

  async publishPolicyVersion(policyId: string, definition: unknown, arrival: CommandContext, occurredAt?: string): Promise<PublishOutcome> {
    const parsed = parseRecognitionPolicy(definition);
    if (!parsed.ok) throw invalidDefinition('policy-definition-invalid', 'policy definition', parsed.errors);
    const { context: ctx, date: publishedOn } = atSourceTime(arrival, { occurredAt });
    const command = { kind: 'PublishPolicyVersion' as const, actor: ctx.actor, policyId, definition, publishedOn };
    await this.decidable(policyDecider, policyStream(policyId), command);
    const report = await this.references.checkPolicy(parsed.policy, ctx.actor.institutionId);
    if (report.errors.length > 0) throw invalidDefinition('definition-references-invalid', 'what the policy definition names', report.errors);
    return { outcome: await runCommand(this.store, policyDecider, policyStream(policyId), command, ctx, { resource: { type: 'recognition policy', id: policyId } }), warnings: inBody(report.warnings) };
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
    return { id: stream, outcome: await runCommand(this.store, admissionDecider, stream, command, ctx, { resource: { type: 'admission of learner', id: input.learnerId } }) };
  }

  /**
   * Who may publish and whether the version is new are the decider's to say, and a caller that may
   * not publish here learns that (403), not what its definition names wrongly: the decider is asked
   * first on the current state; the append still runs it again under optimistic concurrency.
   */
  private async decidable<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, stream: string, command: C): Promise<void> {
    const { state } = await loadAggregate(this.store, decider, stream);
    decider.decide(command, state);
  }
}

const inBody = (findings: ReferenceFinding[]): ReferenceFinding[] => findings.map((f) => ({ ...f, path: `/definition${f.path}` }));
