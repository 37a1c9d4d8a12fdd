import { apiSchema, s } from '@app/platform';

/** OpenAPI schemas of the audit API's answers: history pages, reproduction, policy impact, verification, the export's lines. */
const actor = s.nullable(s.object({ institutionId: s.string(), role: s.string() }, { description: 'who caused it (null for system events)' }));
const difference = s.object(
  { path: s.string('JSON pointer into the evaluation record'), recorded: s.json('absent: the field is not in the recorded evaluation'), reproduced: s.json('absent: the field is not in the reproduced one') },
  { optional: ['recorded', 'reproduced'] },
);
const outcome = s.object({ decision: s.string(), creditsGranted: s.exact() });

export const HISTORY_PAGE = apiSchema(
  'HistoryPage',
  s.object({
    subject: s.object({ kind: s.enum(['learner', 'request', 'institution']), id: s.string() }),
    upToPosition: s.integer('the global position the history index reflected when the page was read'),
    entries: s.array(
      s.object({
        position: s.integer(),
        eventId: s.string(),
        stream: s.string(),
        revision: s.integer(),
        type: s.string(),
        occurredAt: s.dateTime('when it happened at the source'),
        recordedAt: s.dateTime('when the system learned it'),
        actor,
        data: { type: 'object', description: "the event's data as stored (see the event types of each bounded context)" },
      }),
      'in global order',
    ),
    nextAfter: s.nullable(s.integer('pass as `after` for the next page; null on the last page')),
  }),
);

export const REPRODUCTION_REPORT = apiSchema(
  'ReproductionReport',
  s.object({
    requestId: s.string(),
    identical: s.boolean('re-running the engine on the recorded inputs gives the recorded evaluation, byte for byte'),
    engineVersion: s.object({ recorded: s.string(), current: s.string() }),
    differences: s.array(difference, 'every field that differs (empty when identical)'),
    pinned: s.object({
      program: s.object({ programId: s.string(), version: s.string() }),
      policy: s.object({ policyId: s.string(), version: s.string() }),
      conversionTable: s.string(),
      learnerStream: s.object({ stream: s.string(), revision: s.integer(), lastPosition: s.integer() }),
      evidenceEvents: s.integer(),
    }),
    decisions: s.array(
      s.object({
        itemId: s.string('the request item: "completion:<id>" or "credential:<id>"'),
        proposal: s.nullable(outcome),
        decided: s.object({ outcome: s.string(), credits: s.exact(), reasonCode: s.string() }),
        differsFromProposal: s.boolean(),
        overrideReason: s.nullable(s.string()),
      }),
      "the registrar's decisions in force next to the engine's proposals",
    ),
    evidenceChanges: s.array(
      s.object({ causeEventId: s.string(), causeEventType: s.string(), revision: s.integer(), identical: s.boolean(), differences: s.array(difference) }),
      "each evidence change's re-evaluation re-run from what it recorded",
    ),
    evidenceChangesIdentical: s.boolean(),
  }),
);

export const POLICY_IMPACT_REPORT = apiSchema(
  'PolicyImpactReport',
  s.object({
    policy: s.object({ policyId: s.string(), version: s.string(), institutionId: s.string(), programId: s.nullable(s.string()) }),
    requestsConsidered: s.integer(),
    changed: s.integer(),
    unchanged: s.integer(),
    engineDrift: s.array(s.string(), "requests whose recorded evaluation today's engine no longer reproduces exactly"),
    skipped: s.array(s.object({ requestId: s.string(), reason: s.string() })),
    requests: s.array(
      s.object({
        requestId: s.string(),
        learnerId: s.string(),
        programId: s.string(),
        changed: s.boolean(),
        items: s.array(s.object({ itemId: s.string(), before: outcome, after: outcome })),
        totals: s.object({ before: s.exact(), after: s.exact() }),
        result: s.object({ before: s.string(), after: s.string() }),
        residency: s.object({ before: s.string(), after: s.string() }),
        differences: s.array(difference),
      }),
    ),
  }),
);

const digestAt = s.object({ digest: s.string('sha256, hex'), position: s.integer() });

export const VERIFY_REPORT = apiSchema(
  'VerifyReport',
  s.object(
    {
      ok: s.boolean('false on any chain fault or a digest that does not match'),
      store: s.string(),
      checked: s.integer('events read and checked'),
      streams: s.integer(),
      faults: s.integer(),
      firstFault: s.nullable(
        s.object({ kind: s.enum(['hash-mismatch', 'broken-link', 'revision-gap']), stream: s.string(), revision: s.integer(), position: s.integer(), eventId: s.string(), detail: s.string() }),
      ),
      lastPosition: s.integer('-1 for an empty log'),
      digest: digestAt,
      expectedDigest: s.object({ digest: s.string(), position: s.integer(), actual: digestAt, matches: s.boolean() }),
      startedAt: s.dateTime(),
      seconds: s.number(),
    },
    { optional: ['expectedDigest'] },
  ),
);

/** One line of GET /audit/export (application/x-ndjson): a recorded event with its full envelope. */
export const EXPORTED_EVENT = apiSchema(
  'ExportedEvent',
  s.object({
    position: s.integer(),
    id: s.string(),
    stream: s.string(),
    revision: s.integer(),
    type: s.string(),
    occurredAt: s.dateTime(),
    recordedAt: s.dateTime(),
    schemaVersion: s.integer(),
    data: { type: 'object' },
    metadata: { type: 'object', required: ['correlationId', 'causationId', 'actor'], properties: { correlationId: s.string(), causationId: s.nullable(s.string()), actor } },
    previousHash: s.nullable(s.string()),
    hash: s.string(),
  }),
);

/** The export's body: NDJSON text; `x-ndjson-line` is the schema of each line (OpenAPI 3.1 has no item schema for sequential media types). */
export const EXPORT_STREAM = apiSchema('ExportStream', { type: 'string', description: 'newline-delimited JSON: one ExportedEvent per line, in global order', 'x-ndjson-line': EXPORTED_EVENT });
