import { DECISION_STEP } from './decision-step.responses';
import { EVIDENCE_CHANGE_CAUSE, EVIDENCE_CHANGE_KIND } from './evidence-change.responses';
import { apiSchema, s } from '@app/platform';

/**
 * OpenAPI schemas of a credit-transfer request as GET /transfer-requests/{id} answers it: the
 * submission, the recorded evaluation (what RequestEvaluated pins: versions, evidence read by
 * position, proposals), the program evaluation in force, decisions, exceptions, appeals.
 */
const OUTCOMES = ['granted', 'partially-granted', 'denied', 'recognized'] as const;

export const PROGRAM_SUMMARY = apiSchema(
  'ProgramEvaluationSummary',
  s.object({
    result: s.enum(['satisfied', 'partial', 'unsatisfied']),
    requirementsSatisfied: s.boolean(),
    totalCredits: s.object({ have: s.exact(), need: s.exact(), satisfied: s.boolean() }),
    admission: s.object({ required: s.boolean(), admitted: s.boolean(), satisfied: s.boolean() }),
    residency: s.object({
      defined: s.boolean(),
      outcome: s.enum(['standard', 'reduced', 'not-eligible']),
      pathway: s.nullable(s.string('the reduced pathway\'s id')),
      satisfied: s.nullable(s.boolean()),
      months: s.nullable(s.number()),
      terms: s.nullable(s.integer()),
    }),
    claims: s.array(s.object({ itemId: s.string('the request item whose recognized credit counts: "completion:<id>" or "credential:<id>"'), rulePath: s.string(), credits: s.exact() }), 'which item counts toward which rule'),
    missing: s.array(s.object({ rulePath: s.string('"" for the degree total'), message: s.string() })),
    exceptions: s.object({
      applied: s.array(s.object({ id: s.string(), kind: s.string(), path: s.string() })),
      ignored: s.array(s.object({ id: s.string(), path: s.string(), reason: s.string() })),
    }),
  }),
);

const evidenceRead = s.object(
  {
    itemId: s.nullable(s.string('the request item it is evidence of; null for supporting reads (admission)')),
    kind: s.enum(['completion', 'credential', 'admission']),
    refId: s.string(),
    stream: s.string(),
    eventId: s.string(),
    position: s.integer(),
    eventType: s.string(),
  },
  { description: 'an event the evaluation read, by id and global position' },
);

const proposal = s.object({
  itemId: s.string('the request item: "completion:<id>" or "credential:<id>"'),
  decision: s.enum(OUTCOMES),
  grantedAs: s.nullable({ oneOf: [s.object({ as: { const: 'course' }, courseId: s.string() }), s.object({ as: { const: 'elective' } })] }),
  equivalencyId: s.nullable(s.string()),
  creditsOffered: s.exact('in the policy\'s unit'),
  creditsGranted: s.exact(),
  unit: s.string(),
  reasons: s.array(s.string('a reason code, e.g. EQUIVALENT_COURSE, LEVEL_MISMATCH')),
  messages: s.array(s.string()),
});

export const EVALUATION_RECORD = apiSchema(
  'EvaluationRecord',
  s.object(
    {
      requestId: s.string(),
      referenceDate: s.date('the "now" of the evaluation: the submission date'),
      engineVersion: s.string(),
      program: s.object({ programId: s.string(), version: s.string(), creditUnit: s.string(), totalCredits: s.exact() }),
      policy: s.object({ policyId: s.string(), version: s.string(), effectiveFrom: s.date(), effectiveTo: s.nullable(s.date()) }),
      conversionTable: s.object({ id: s.string(), ectsPerUnit: s.map(s.exact()) }),
      admitted: s.boolean(),
      learnerStream: s.object({ stream: s.string(), revision: s.integer(), lastPosition: s.integer() }),
      evidenceRead: s.array(evidenceRead),
      proposals: s.array(proposal),
      totals: s.object({ granted: s.exact(), grantedCount: s.integer(), partialCount: s.integer(), deniedCount: s.integer(), recognizedCount: s.integer('engine 2.x') }, { optional: ['recognizedCount'] }),
      programEvaluation: PROGRAM_SUMMARY,
    },
    { description: 'what RequestEvaluated records: everything the evaluation depended on, and what it proposed' },
  ),
);

const itemDecision = s.object({
  itemId: s.string('the request item: "completion:<id>" or "credential:<id>"'),
  outcome: s.enum(OUTCOMES),
  reasonCode: s.string(),
  note: s.nullable(s.string()),
  credits: s.exact('granted, in the receiving unit ("0" when denied)'),
  differsFromProposal: s.boolean(),
  overrideReason: s.nullable(s.string()),
  grantedAs: s.nullable({ oneOf: [s.object({ as: { const: 'course' }, courseId: s.string() }), s.object({ as: { const: 'elective' } })], description: 'what it counts as toward the program (absent on decisions recorded before it existed)' }),
  decidedIn: DECISION_STEP,
}, { optional: ['grantedAs'] });

export const TRANSFER_REQUEST_VIEW = apiSchema(
  'TransferRequest',
  s.object({
    requestId: s.string(),
    status: s.enum(['submitted', 'evaluated', 'decided', 'appealed', 'revised', 'withdrawn']),
    request: s.object({
      requestId: s.string(),
      submitterInstitution: s.string(),
      learnerId: s.string(),
      receivingInstitution: s.string(),
      programId: s.string(),
      programVersion: s.string('pinned at submission'),
      items: s.array(s.object({ itemId: s.string('"completion:<id>" or "credential:<id>"'), kind: s.enum(['completion', 'credential']), refId: s.string() })),
      note: s.nullable(s.string()),
      submittedOn: s.date(),
    }),
    evaluation: s.nullable(EVALUATION_RECORD),
    programEvaluation: s.nullable({ ...PROGRAM_SUMMARY, description: 'the program evaluation in force: the automatic one, re-run after each exception' }),
    decisions: s.nullable(s.array(itemDecision, 'the decisions in force, each with the step that took it (a partial revision re-decides some items and keeps the others)')),
    exceptions: s.array(
      s.object({
        requestId: s.string(),
        exceptionId: s.string(),
        kind: s.enum(['waive', 'substitute']),
        rulePath: s.string(),
        programId: s.string(),
        programVersion: s.string(),
        itemId: s.nullable(s.string()),
        reason: s.string(),
        grantedOn: s.date(),
        programEvaluation: s.nullable(PROGRAM_SUMMARY),
      }),
    ),
    appeals: s.array(s.object({ grounds: s.string(), itemIds: s.array(s.string(), 'the items it contests (none: the whole decision)'), appealedOn: s.date(), eventId: s.string('the RequestAppealed event'), position: s.integer() })),
    withdrawal: s.nullable(s.object({ reason: s.nullable(s.string()), withdrawnOn: s.date() })),
    evidenceChanges: s.array(
      s.object({
        requestId: s.string(),
        learnerId: s.string(),
        cause: EVIDENCE_CHANGE_CAUSE,
        change: EVIDENCE_CHANGE_KIND,
        affectedItems: s.array(s.string(), 'the request items whose recorded evidence includes the changed completion or credential'),
        statusWhenFlagged: s.string(),
        reevaluation: EVALUATION_RECORD,
        flaggedOn: s.date(),
      }),
      'every evidence change since submission (RequestEvidenceChanged), with the request re-evaluated on the new evidence under the same pinned versions',
    ),
    openEvidenceChanges: s.array(s.string(), 'causing event ids not yet answered by a decision or revision: the request is flagged evidence-changed while any is open'),
    revision: s.integer('stream revision (also the ETag)'),
    events: s.array(s.object({ id: s.string(), type: s.string(), revision: s.integer(), position: s.integer(), occurredAt: s.dateTime() })),
  }),
);
