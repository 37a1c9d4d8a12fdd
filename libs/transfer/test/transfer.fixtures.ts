import { programs, policies } from '../../requirements/fixtures';
import { EvaluationRecord } from '../src/domain/evaluation-record';
import { ItemsDecided, RequestItem, TransferRequestEvent } from '../src/domain/transfer-request.events';

export const MIT = 'mit';
export const UNI = 'uni-porto';
export const registrar = { institutionId: MIT, role: 'registrar' };
export const otherRegistrar = { institutionId: 'harvard', role: 'registrar' };
export const submitter = { institutionId: UNI, role: 'submitter' };
export const otherSubmitter = { institutionId: 'uni-lisbon', role: 'submitter' };

/** The MIT SCM blended program and policy from the engine's fixtures, scoped to institution `mit`. */
export const scmProgram = (): Record<string, unknown> => JSON.parse(JSON.stringify(programs.scmProgram)) as Record<string, unknown>;
export const scmPolicy = (): Record<string, unknown> => ({ ...(JSON.parse(JSON.stringify(policies.scmPolicy)) as Record<string, unknown>), receivingInstitution: MIT });

export const items: RequestItem[] = [
  { itemId: 'completion:c1', kind: 'completion', refId: 'c1' },
  { itemId: 'credential:k1', kind: 'credential', refId: 'k1' },
];

export const submitted: TransferRequestEvent = {
  type: 'RequestSubmitted',
  data: {
    requestId: 'r1',
    submitterInstitution: UNI,
    learnerId: 'l1',
    receivingInstitution: MIT,
    programId: 'mit-scm',
    programVersion: '2026-2027',
    items,
    note: null,
    submittedOn: '2026-09-01',
  },
};

export const evaluation: EvaluationRecord = {
  requestId: 'r1',
  referenceDate: '2026-09-01',
  engineVersion: '1.0.0',
  program: { programId: 'mit-scm', version: '2026-2027', creditUnit: 'MIT_UNIT', totalCredits: '90' },
  policy: { policyId: 'mit-scm-recognition', version: '2026.1', effectiveFrom: '2026-01-01', effectiveTo: null },
  conversionTable: { id: 'mit-units-2026', ectsPerUnit: { ECTS: '1', MIT_UNIT: '1/2' } },
  admitted: true,
  learnerStream: { stream: 'learner-l1', revision: 3, lastPosition: 9 },
  evidenceRead: [
    { itemId: 'completion:c1', kind: 'completion', refId: 'c1', stream: 'learner-l1', eventId: 'e1', position: 7, eventType: 'CompletionRecorded' },
    { itemId: 'credential:k1', kind: 'credential', refId: 'k1', stream: 'learner-l1', eventId: 'e2', position: 9, eventType: 'MicroCredentialAwarded' },
  ],
  proposals: [
    { itemId: 'completion:c1', decision: 'granted', grantedAs: { as: 'course', courseId: 'SCM.SC0x' }, equivalencyId: 'sc0x', creditsOffered: '8', creditsGranted: '8', unit: 'MIT_UNIT', reasons: ['EQUIVALENT_COURSE'], messages: [] },
    { itemId: 'credential:k1', decision: 'denied', grantedAs: null, equivalencyId: null, creditsOffered: '0', creditsGranted: '0', unit: 'MIT_UNIT', reasons: ['NO_EQUIVALENCY'], messages: [] },
  ],
  totals: { granted: '8', grantedCount: 1, partialCount: 0, deniedCount: 1 },
  programEvaluation: {
    result: 'partial',
    requirementsSatisfied: false,
    totalCredits: { have: '8', need: '90', satisfied: false },
    admission: { required: true, admitted: true, satisfied: true },
    residency: { defined: true, outcome: 'reduced', pathway: 'blended', satisfied: null, months: 5, terms: 1 },
    claims: [{ itemId: 'recognized:completion:c1', rulePath: 'mit-scm/foundation/micromasters-route/sc0x', credits: '8' }],
    missing: [],
    exceptions: { applied: [], ignored: [] },
  },
};

export const evaluated: TransferRequestEvent = { type: 'RequestEvaluated', data: evaluation };

export const asProposed = [
  { itemId: 'completion:c1', outcome: 'granted' as const, reasonCode: 'EQUIVALENT_COURSE' },
  { itemId: 'credential:k1', outcome: 'denied' as const, reasonCode: 'NO_EQUIVALENCY' },
];

export const decided: ItemsDecided = {
  type: 'ItemsDecided',
  data: {
    requestId: 'r1',
    decidedBy: MIT,
    decidedOn: '2026-09-10',
    items: [
      { itemId: 'completion:c1', outcome: 'granted', reasonCode: 'EQUIVALENT_COURSE', note: null, credits: '8', differsFromProposal: false, overrideReason: null, grantedAs: { as: 'course', courseId: 'SCM.SC0x' } },
      { itemId: 'credential:k1', outcome: 'denied', reasonCode: 'NO_EQUIVALENCY', note: null, credits: '0', differsFromProposal: false, overrideReason: null, grantedAs: null },
    ],
  },
};
export const appealed: TransferRequestEvent = { type: 'RequestAppealed', data: { requestId: 'r1', grounds: 'the credential covers SC1x', itemIds: ['credential:k1'], appealedOn: '2026-09-12' } };
export const withdrawn: TransferRequestEvent = { type: 'RequestWithdrawn', data: { requestId: 'r1', reason: null, withdrawnOn: '2026-09-02' } };
