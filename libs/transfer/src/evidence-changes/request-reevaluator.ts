import { Injectable } from '@nestjs/common';
import { EvaluationRecord } from '../domain/evaluation-record';
import { TransferRequestState } from '../domain/transfer-request.state';
import { evaluateTransferRequest } from '../application/evaluate-transfer-request';
import { programExceptionsOf } from '../application/program-exceptions';
import { EvaluationReproducer } from '../application/reproduce-evaluation';

/**
 * A request's automatic evaluation re-run under changed evidence: the same pinned program, policy
 * (with the period it had), conversion table, reference date and admission read as its
 * RequestEvaluated, the learner stream read up to `learnerRevision` (the causing event), and the
 * exceptions granted on the request so far. Deterministic in those inputs, so the flag it goes
 * into reproduces like an evaluation.
 */
@Injectable()
export class RequestReevaluator {
  constructor(private readonly reproducer: EvaluationReproducer) {}

  async reevaluate(requestId: string, state: Pick<TransferRequestState, 'exceptions'>, learnerRevision: number): Promise<EvaluationRecord> {
    const { inputs } = await this.reproducer.inputsOf(requestId, learnerRevision);
    return evaluateTransferRequest({ ...inputs, exceptions: programExceptionsOf(state.exceptions) });
  }
}
