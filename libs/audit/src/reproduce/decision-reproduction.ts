import { Injectable } from '@nestjs/common';
import { refuse } from '@app/kernel';
import { Principal } from '@app/platform';
import { ENGINE_VERSION } from '@app/requirements';
import { evaluationAnswer, EvaluationReproducer, EvidenceChangeReproducer, mayViewRequest, REQUEST_NOT_FOUND } from '@app/transfer';
import { diffJson, JsonDifference } from './json-diff';

export interface ReproductionReport {
  requestId: string;
  /** True when re-running the engine on the recorded inputs gives the recorded evaluation, byte for byte. */
  identical: boolean;
  engineVersion: { recorded: string; current: string };
  differences: JsonDifference[];
  /** What the evaluation was pinned to, and re-run with. */
  pinned: {
    program: { programId: string; version: string };
    policy: { policyId: string; version: string };
    conversionTable: string;
    learnerStream: { stream: string; revision: number; lastPosition: number };
    evidenceEvents: number;
  };
  /**
   * Each evidence change flagged on the request (RequestEvidenceChanged), its re-evaluation re-run
   * from what it names (the learner stream up to the revision it read, the pinned inputs, the
   * exceptions granted before it): identical, or where it differs.
   */
  evidenceChanges: { causeEventId: string; causeEventType: string; revision: number; identical: boolean; differences: JsonDifference[] }[];
  /** True when every evidence change's re-evaluation reproduces (true when there is none). */
  evidenceChangesIdentical: boolean;
  /** The registrar's decisions in force next to the engine's proposals. */
  decisions: {
    itemId: string;
    proposal: { decision: string; creditsGranted: string } | null;
    decided: { outcome: string; credits: string; reasonCode: string };
    differsFromProposal: boolean;
    overrideReason: string | null;
  }[];
}

/**
 * Reproduces a request's automatic evaluation from exactly what it recorded (program, policy and
 * conversion-table versions, the learner's stream up to the revision read, the admission read)
 * with the engine, and reports a match or every differing leaf; lists the decisions next to the
 * proposals, so a human decision is shown against the evaluation it was made on.
 */
@Injectable()
export class DecisionReproduction {
  constructor(private readonly reproducer: EvaluationReproducer) {}

  async reproduce(principal: Principal, requestId: string): Promise<ReproductionReport> {
    const { state } = await this.reproducer.requestState(requestId);
    const request = state.request;
    // Who sees a request, as GET /transfer-requests/{id} says: to anyone else it does not exist.
    if (!request || !mayViewRequest(principal, request)) throw refuse.notFound(REQUEST_NOT_FOUND, `no transfer request ${requestId}`);
    const { recorded, inputs } = await this.reproducer.inputsOf(requestId);
    // compared as recorded (the engine's ids); the differences, like every answer, name request items
    const { reproduced, identical } = this.reproducer.rerun(recorded, inputs);
    const evidenceChanges = (await new EvidenceChangeReproducer(this.reproducer).reproduce(requestId)).map((c) => ({
      causeEventId: c.causeEventId,
      causeEventType: c.causeEventType,
      revision: c.revision,
      identical: c.identical,
      differences: c.identical ? [] : diffJson(evaluationAnswer(c.recorded), evaluationAnswer(c.reproduced)),
    }));
    return {
      requestId,
      identical,
      engineVersion: { recorded: recorded.engineVersion, current: ENGINE_VERSION },
      differences: identical ? [] : diffJson(evaluationAnswer(recorded), evaluationAnswer(reproduced)),
      pinned: {
        program: { programId: recorded.program.programId, version: recorded.program.version },
        policy: { policyId: recorded.policy.policyId, version: recorded.policy.version },
        conversionTable: recorded.conversionTable.id,
        learnerStream: recorded.learnerStream,
        evidenceEvents: recorded.evidenceRead.length,
      },
      evidenceChanges,
      evidenceChangesIdentical: evidenceChanges.every((c) => c.identical),
      decisions: (state.decisions ?? []).map((d) => {
        const p = recorded.proposals.find((x) => x.itemId === d.itemId);
        return {
          itemId: d.itemId,
          proposal: p ? { decision: p.decision, creditsGranted: p.creditsGranted } : null,
          decided: { outcome: d.outcome, credits: d.credits, reasonCode: d.reasonCode },
          differsFromProposal: d.differsFromProposal,
          overrideReason: d.overrideReason,
        };
      }),
    };
  }
}
