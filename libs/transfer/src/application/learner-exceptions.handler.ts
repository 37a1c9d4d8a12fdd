import { Inject, Injectable } from '@nestjs/common';
import { atSourceTime, CommandContext, CommandOutcome, EVENT_STORE, EventStore, idFor, loadAggregate, runCommand } from '@app/event-store';
import { learnerExceptionDecider, LearnerExceptionsState, ProgramFacts } from '../domain/learner-exception.decider';
import { learnerExceptionStream } from '../domain/transfer.streams';
import { ProgramState } from '../domain/program.decider';
import { parseStoredProgram } from '@app/requirements';
import { LearnerEvidenceReader } from './learner-evidence.reader';
import { ProgramCatalog, rulePathsOf } from './program-catalog';

export interface GrantLearnerExceptionInput {
  programId: string;
  programVersion: string;
  kind: 'waive' | 'substitute';
  rulePath: string;
  itemId?: string;
  reason: string;
  occurredAt?: string;
}

/** The learner's exceptions at the caller's institution as the stream folds them. */
export interface LearnerExceptionsView extends LearnerExceptionsState {
  institutionId: string;
  learnerId: string;
  /** Stream revision (the ETag; null before the first grant). */
  revision: number | null;
}

/**
 * A receiving registrar's exceptions for a learner, outside any request (stream
 * `exceptions-<institution>-<learner>`, the registrar's institution). The program facts the
 * decider checks (owner, version, its rule paths) and the learner's items are read here; the
 * decider refuses before anything is appended. Each step occurs at the body's `occurredAt` or on
 * arrival, and its date (grantedOn, carriedOn, revokedOn) is that time's UTC date.
 */
@Injectable()
export class LearnerExceptionsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly programs: ProgramCatalog,
    private readonly learners: LearnerEvidenceReader,
  ) {}

  async grant(learnerId: string, input: GrantLearnerExceptionInput, arrival: CommandContext): Promise<{ exceptionId: string; outcome: CommandOutcome }> {
    const at = atSourceTime(arrival, { occurredAt: input.occurredAt });
    const ctx = at.context;
    const institutionId = ctx.actor.institutionId;
    const exceptionId = idFor(ctx, 'learner-exception');
    const itemIds = await this.learners.itemIds(learnerId);
    const command = {
      kind: 'GrantLearnerException' as const,
      actor: ctx.actor,
      institutionId,
      learnerId,
      exceptionId,
      programId: input.programId,
      programVersion: input.programVersion,
      exceptionKind: input.kind,
      rulePath: input.rulePath,
      itemId: input.itemId ?? null,
      reason: input.reason,
      grantedOn: at.date,
      program: await this.facts(input.programId, input.programVersion, institutionId),
      learnerRegistered: itemIds !== null,
      learnerItemIds: itemIds ?? [],
    };
    return { exceptionId, outcome: await this.run(institutionId, learnerId, command, at) };
  }

  async carryForward(learnerId: string, exceptionId: string, input: { toVersion: string; occurredAt?: string }, arrival: CommandContext): Promise<CommandOutcome> {
    const at = atSourceTime(arrival, { occurredAt: input.occurredAt });
    const institutionId = at.context.actor.institutionId;
    const { state } = await loadAggregate(this.store, learnerExceptionDecider, learnerExceptionStream(institutionId, learnerId));
    const programId = state.exceptions.find((x) => x.exceptionId === exceptionId)?.programId;
    const program: ProgramFacts = programId ? await this.facts(programId, input.toVersion, institutionId) : { ownedByInstitution: false, rulePaths: null };
    const command = { kind: 'CarryLearnerExceptionForward' as const, actor: at.context.actor, institutionId, learnerId, exceptionId, toVersion: input.toVersion, carriedOn: at.date, program };
    return this.run(institutionId, learnerId, command, at);
  }

  revoke(learnerId: string, exceptionId: string, input: { reason: string; occurredAt?: string }, arrival: CommandContext): Promise<CommandOutcome> {
    const at = atSourceTime(arrival, { occurredAt: input.occurredAt });
    const institutionId = at.context.actor.institutionId;
    const command = { kind: 'RevokeLearnerException' as const, actor: at.context.actor, institutionId, learnerId, exceptionId, reason: input.reason, revokedOn: at.date };
    return this.run(institutionId, learnerId, command, at);
  }

  async view(learnerId: string, institutionId: string): Promise<LearnerExceptionsView> {
    const { state, revision } = await loadAggregate(this.store, learnerExceptionDecider, learnerExceptionStream(institutionId, learnerId));
    return { institutionId, learnerId, revision, exceptions: state.exceptions };
  }

  /** Owner and rule paths of one version, without refusing: the decider says what is wrong. */
  private async facts(programId: string, version: string, institutionId: string): Promise<ProgramFacts> {
    const { state } = await this.programs.load(programId);
    if (state.institutionId !== institutionId) return { ownedByInstitution: false, rulePaths: null };
    return { ownedByInstitution: true, rulePaths: rulePathsOfVersion(state, version) };
  }

  private run(
    institutionId: string,
    learnerId: string,
    command: Parameters<typeof learnerExceptionDecider.decide>[0],
    at: { context: CommandContext; sourceGiven: boolean },
  ): Promise<CommandOutcome> {
    return runCommand(this.store, learnerExceptionDecider, learnerExceptionStream(institutionId, learnerId), command, at.context, {
      notBeforeLastEvent: at.sourceGiven,
      resource: { type: 'exceptions of learner', id: learnerId },
    });
  }
}

function rulePathsOfVersion(state: ProgramState, version: string): string[] | null {
  if (!Object.hasOwn(state.definitions, version)) return null;
  const parsed = parseStoredProgram(state.definitions[version]);
  if (!parsed.ok) throw new Error(`stored program ${state.programId ?? ''}@${version} no longer parses`);
  return rulePathsOf(parsed.program);
}
