import { EventStore } from '@app/event-store';
import { EvaluationRecord, evaluateTransferRequest, LearnerEvidenceReader, PolicyCatalog, ProgramCatalog, RequestItem } from '@app/transfer';
import { AdmissionReader } from '../../../transfer/src/application/admission.reader';

type ProgramVersion = Awaited<ReturnType<ProgramCatalog['version']>>;

/**
 * The automatic evaluation exactly as the submit handler computes it: the latest program version,
 * the policy version in effect on the submission date, the admission, the learner's evidence with
 * the events it was read from (the transfer context's own readers, on the store being written),
 * then `evaluateTransferRequest`.
 */
export class SyntheticEvaluator {
  private readonly programs: ProgramCatalog;
  private readonly policies: PolicyCatalog;
  private readonly admissions: AdmissionReader;
  private readonly learners: LearnerEvidenceReader;

  constructor(store: EventStore) {
    this.programs = new ProgramCatalog(store);
    this.policies = new PolicyCatalog(store);
    this.admissions = new AdmissionReader(store);
    this.learners = new LearnerEvidenceReader(store);
  }

  programVersion(programId: string): Promise<ProgramVersion> {
    return this.programs.version(programId, 'latest');
  }

  async evaluate(input: { requestId: string; learnerId: string; institutionId: string; program: ProgramVersion; items: RequestItem[]; today: string }): Promise<EvaluationRecord> {
    const { requestId, learnerId, institutionId, program, items, today } = input;
    const policy = await this.policies.effectiveFor(institutionId, program.programId, today);
    const admission = await this.admissions.admission(institutionId, learnerId, program.programId, today);
    const learner = await this.learners.read(learnerId, items);
    return evaluateTransferRequest({ requestId, referenceDate: today, program, policy, admission, learner });
  }
}
