import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, commandDate, CommandOutcome, EVENT_STORE, EventStore, idFor, runCommand } from '@app/event-store';
import { refuse } from '@app/kernel';
import { AccessRegistry } from '@app/platform';
import { evidenceItemId } from '@app/records';
import { SubmitRequest } from '../domain/transfer-request.commands';
import { transferRequestDecider } from '../domain/transfer-request.decider';
import { RequestItem } from '../domain/transfer-request.events';
import { transferRequestStream } from '../domain/transfer.streams';
import { AdmissionReader } from './admission.reader';
import { evaluateTransferRequest } from './evaluate-transfer-request';
import { LearnerEvidenceReader } from './learner-evidence.reader';
import { PolicyCatalog } from './policy-catalog';
import { ProgramCatalog } from './program-catalog';

export interface SubmitTransferRequestInput {
  learnerId: string;
  receivingInstitution: string;
  programId: string;
  /** A catalog year, or "latest" (default): the version is pinned at submission. */
  programVersion?: string;
  evidence: { completionIds?: string[]; credentialIds?: string[]; verifiableCredentialIds?: string[] };
  note?: string;
}

/**
 * Submission and automatic evaluation in ONE command (`SubmitAndEvaluate`): the handler reads the
 * program version, the policy version in effect on the submission date, the admission and the
 * learner's evidence, runs the engine, and the decider emits RequestSubmitted + RequestEvaluated,
 * appended atomically. A request therefore never sits unevaluated, a failure appends nothing,
 * and an Idempotency-Key replay returns both events.
 */
@Injectable()
export class SubmitTransferRequestHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AccessRegistry,
    private readonly programs: ProgramCatalog,
    private readonly policies: PolicyCatalog,
    private readonly admissions: AdmissionReader,
    private readonly learners: LearnerEvidenceReader,
  ) {}

  async submit(input: SubmitTransferRequestInput, ctx: CommandContext): Promise<{ id: string; outcome: CommandOutcome }> {
    const requestId = idFor(ctx, 'transfer-request');
    const stream = transferRequestStream(requestId);
    const items: RequestItem[] = [
      ...(input.evidence.completionIds ?? []).map((refId) => ({ itemId: evidenceItemId('completion', refId), kind: 'completion' as const, refId })),
      ...(input.evidence.credentialIds ?? []).map((refId) => ({ itemId: evidenceItemId('credential', refId), kind: 'credential' as const, refId })),
      ...(input.evidence.verifiableCredentialIds ?? []).map((refId) => ({ itemId: evidenceItemId('verifiable-credential', refId), kind: 'verifiable-credential' as const, refId })),
    ];
    const submittedOn = commandDate(ctx);
    const base = (programVersion: string): SubmitRequest => ({
      kind: 'SubmitRequest',
      actor: ctx.actor,
      requestId,
      learnerId: input.learnerId,
      receivingInstitution: input.receivingInstitution,
      programId: input.programId,
      programVersion,
      items,
      note: input.note ?? null,
      submittedOn,
    });
    if ((await this.store.streamRevision(stream)) !== null) {
      // A retry under the same Idempotency-Key: runCommand replays the stored outcome (or refuses).
      return { id: requestId, outcome: await runCommand(this.store, transferRequestDecider, stream, base(input.programVersion ?? 'latest'), ctx, { resource: { type: 'transfer request', id: requestId } }) };
    }
    if (ctx.actor.role !== 'submitter') throw refuse.forbidden('not-submitter', 'only a submitter institution may submit a transfer request');
    await this.access.refresh();
    if (!this.access.institution(input.receivingInstitution)) {
      throw refuse.notFound('institution-not-found', `institution ${input.receivingInstitution} is not registered`);
    }
    const program = await this.programs.version(input.programId, input.programVersion ?? 'latest');
    if (program.institutionId !== input.receivingInstitution) {
      throw refuse.notFound('program-not-found', `${input.receivingInstitution} has no program ${input.programId}`);
    }
    const submit = base(program.version);
    // Validate the request itself before reading evidence (no evidence, duplicates...).
    transferRequestDecider.decide(submit, transferRequestDecider.initialState);
    const policy = await this.policies.effectiveFor(input.receivingInstitution, input.programId, submittedOn);
    const admission = await this.admissions.admission(input.receivingInstitution, input.learnerId, input.programId, submittedOn);
    const learner = await this.learners.readForSubmission(input.learnerId, items);
    const evaluation = evaluateTransferRequest({ requestId, referenceDate: submittedOn, program, policy, admission, learner });
    const outcome = await runCommand(this.store, transferRequestDecider, stream, { kind: 'SubmitAndEvaluate', submit, evaluation }, ctx, { resource: { type: 'transfer request', id: requestId } });
    return { id: requestId, outcome };
  }
}
