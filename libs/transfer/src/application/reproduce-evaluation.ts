import { Inject, Injectable } from '@nestjs/common';
import { canonicalJson, EVENT_STORE, EventStore, loadAggregate, readStreamEvents, RecordedEvent } from '@app/event-store';
import { refuse } from '@app/kernel';
import { parseStoredRecognitionPolicy } from '@app/requirements';
import { EvaluationRecord, EvidenceRead } from '../domain/evaluation-record';
import { transferRequestDecider } from '../domain/transfer-request.decider';
import { TransferRequestState } from '../domain/transfer-request.state';
import { transferRequestStream } from '../domain/transfer.streams';
import { EvaluationInputs, evaluateTransferRequest } from './evaluate-transfer-request';
import { LearnerEvidenceReader } from './learner-evidence.reader';
import { PolicyCatalog } from './policy-catalog';
import { ProgramCatalog } from './program-catalog';

export interface Reproduction {
  recorded: EvaluationRecord;
  reproduced: EvaluationRecord;
  identical: boolean;
}

/**
 * Re-runs a recorded evaluation from exactly what RequestEvaluated names: the program version,
 * the policy version (with the effective period it had), the learner stream up to the revision
 * read, and the admission event read. Same engine version -> byte-identical record.
 */
@Injectable()
export class EvaluationReproducer {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly programs: ProgramCatalog,
    private readonly policies: PolicyCatalog,
    private readonly learners: LearnerEvidenceReader,
  ) {}

  async reproduce(requestId: string): Promise<Reproduction> {
    const { recorded, inputs } = await this.inputsOf(requestId);
    return this.rerun(recorded, inputs);
  }

  /** Re-runs the engine on inputs and compares with the recorded evaluation (canonical JSON). */
  rerun(recorded: EvaluationRecord, inputs: EvaluationInputs): Reproduction {
    const reproduced = evaluateTransferRequest(inputs);
    return { recorded, reproduced, identical: canonicalJson(recorded) === canonicalJson(reproduced) };
  }

  /** The request stream's events, in order. */
  requestEvents(requestId: string): Promise<RecordedEvent[]> {
    return readStreamEvents(this.store, transferRequestStream(requestId));
  }

  /** The request's folded state (submission, evaluation, decisions in force). */
  async requestState(requestId: string): Promise<{ state: TransferRequestState; revision: number | null }> {
    return loadAggregate(this.store, transferRequestDecider, transferRequestStream(requestId));
  }

  /**
   * The engine inputs a recorded evaluation names, read back from the store. `learnerRevision`
   * reads the learner stream up to another revision with everything else pinned as recorded (the
   * re-evaluation after an evidence change); default: the revision the evaluation read.
   */
  async inputsOf(requestId: string, learnerRevision?: number): Promise<{ recorded: EvaluationRecord; inputs: EvaluationInputs }> {
    const { state } = await loadAggregate(this.store, transferRequestDecider, transferRequestStream(requestId));
    const request = state.request;
    const recorded = state.evaluation;
    if (!request || !recorded) throw refuse.notFound('evaluation-not-found', `request ${requestId} has no evaluation`);
    const program = await this.programs.version(recorded.program.programId, recorded.program.version);
    const { state: policyState } = await this.policies.load(recorded.policy.policyId);
    const parsed = parseStoredRecognitionPolicy(policyState.definitions[recorded.policy.version]);
    if (!parsed.ok) throw refuse.notFound('policy-version-not-found', `policy ${recorded.policy.policyId}@${recorded.policy.version} is not available`);
    const summary = policyState.versions.find((v) => v.version === recorded.policy.version);
    if (!summary) throw refuse.notFound('policy-version-not-found', `policy ${recorded.policy.policyId}@${recorded.policy.version} is not available`);
    const policy = { ...parsed.policy, ...(recorded.policy.effectiveTo !== null ? { effectiveTo: recorded.policy.effectiveTo } : {}) };
    const admissionRead = recorded.evidenceRead.find((r) => r.kind === 'admission') ?? null;
    const admission = { admitted: admissionRead !== null && (await this.exists(admissionRead)), read: admissionRead };
    const learner = await this.learners.read(request.learnerId, request.items, learnerRevision ?? recorded.learnerStream.revision);
    const inputs: EvaluationInputs = {
      requestId,
      referenceDate: recorded.referenceDate,
      program,
      policy: { policyId: recorded.policy.policyId, summary: { ...summary, effectiveTo: recorded.policy.effectiveTo }, policy, conversionTable: recorded.conversionTable },
      admission,
      learner,
      // the behaviour of the engine that made the record, so a decision made before an engine change still reproduces
      engineVersion: recorded.engineVersion,
    };
    return { recorded, inputs };
  }

  private async exists(read: EvidenceRead): Promise<boolean> {
    return (await readStreamEvents(this.store, read.stream)).some((e) => e.id === read.eventId && e.position === read.position);
  }
}
