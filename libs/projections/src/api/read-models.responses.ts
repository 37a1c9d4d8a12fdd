import { apiSchema, s } from '@app/platform';
import { DECISION_STEP, DESCRIBED_EVIDENCE_CHANGE } from '@app/transfer';
import { REQUEST_FLAGS } from '../query/request-flags';
import { REQUEST_STATUSES } from './query.dto';

/** OpenAPI schemas of the query API's answers but eligibility (eligibility.responses.ts): queue, submissions, ledger, catalog. */
const UP_TO = s.integer('the global event-store position the read models reflect');

const queueEntry = {
  requestId: s.string(),
  learnerId: s.string(),
  programId: s.string(),
  programVersion: s.string(),
  status: s.enum(REQUEST_STATUSES),
  submitterInstitution: s.string(),
  itemCount: s.integer(),
  proposedCredits: s.nullable(s.exact()),
  unit: s.nullable(s.string()),
  submittedOn: s.date(),
  submittedAt: s.dateTime(),
  lastEventAt: s.dateTime(),
  ageDays: s.integer('whole days since the request was recorded'),
  flags: s.array(s.enum(REQUEST_FLAGS), 'evidence-changed: evidence under it changed since it was decided or evaluated (open until the registrar decides or revises); appealed: under appeal'),
  openEvidenceChanges: s.integer('evidence changes not yet answered by a decision or revision'),
};

const page = (name: string, entry: Record<string, Record<string, unknown>>, description: string) =>
  apiSchema(
    name,
    s.object(
      {
        institutionId: s.string(),
        upToPosition: UP_TO,
        counts: s.map(s.integer(), 'requests per status (all of them, not just this page)'),
        flagCounts: s.map(s.integer(), 'requests per flag (all of them, not just this page)'),
        total: s.integer(),
        items: s.array(s.object(entry)),
      },
      { description },
    ),
  );

export const QUEUE_PAGE = page('QueuePage', queueEntry, "The receiving institution's requests, oldest first");
export const SUBMISSIONS_PAGE = page('SubmissionsPage', { ...queueEntry, receivingInstitution: s.string() }, 'The requests a submitting university sent, oldest first');

const proposalShape = s.object({ decision: s.string(), creditsGranted: s.exact(), reasons: s.array(s.string()), messages: s.array(s.string()) });

export const LEDGER = apiSchema(
  'Ledger',
  s.object({
    institutionId: s.string(),
    learnerId: s.string(),
    upToPosition: UP_TO,
    totals: s.map(s.amount(), 'credits recognized (granted or partially granted), per unit'),
    entries: s.array(
      s.object({
        requestId: s.string(),
        itemId: s.string('the request item: "completion:<id>" or "credential:<id>" (as in the request and eligibility)'),
        programId: s.string(),
        kind: s.enum(['completion', 'credential', 'unknown']),
        refId: s.string(),
        outcome: s.enum(['granted', 'partially-granted', 'denied', 'recognized']),
        reasonCode: s.string(),
        credits: s.amount(),
        unit: s.string(),
        decidedOn: s.date(),
        decisionPosition: s.integer(),
        evidenceChange: s.nullable(
          s.object({
            affected: s.boolean("the item's own evidence changed (false: only its proposal moved, e.g. a cap freed by another item)"),
            changes: s.array(DESCRIBED_EVIDENCE_CHANGE),
            evidence: s.array(s.object({ stream: s.string(), eventId: s.string(), position: s.integer(), eventType: s.string() }), 'the new evidence, as the latest re-evaluation read it'),
            proposalBefore: s.nullable(proposalShape),
            proposalNow: s.nullable(proposalShape),
            ifRedecidedAsProposed: s.nullable(s.object({ outcome: s.string(), credits: s.amount(), effect: s.amount('now minus decided (negative: credit lost)') })),
          }, { description: 'set when evidence under this decision changed since (until the registrar re-decides)' }),
        ),
        provenance: s.object(
          {
            evidence: s.array(s.object({ stream: s.string(), eventId: s.string(), position: s.integer(), eventType: s.string() })),
            program: s.nullable(s.object({ programId: s.string(), version: s.string() })),
            policy: s.nullable(s.object({ policyId: s.string(), version: s.string() })),
            conversionTable: s.nullable(s.object({ id: s.string(), ectsPerUnit: s.map(s.exact()) })),
            engineVersion: s.nullable(s.string()),
            proposal: s.nullable(s.object({ decision: s.string(), creditsOffered: s.exact(), creditsGranted: s.exact(), reasons: s.array(s.string()) })),
            differsFromProposal: s.boolean(),
            overrideReason: s.nullable(s.string()),
            note: s.nullable(s.string("the item's note, else the note of the revision that re-decided it")),
            grantedAs: s.nullable({ oneOf: [s.object({ as: { const: 'course' }, courseId: s.string() }), s.object({ as: { const: 'elective' } })], description: 'what it counts as toward the program' }),
            decidedIn: s.nullable({ ...DECISION_STEP, description: 'the step that decided the entry: the decision, or the revision that last re-decided it, with the appeal it answers and its note (null, or absent, on rows written before steps were kept)' }),
          },
          { optional: ['grantedAs', 'decidedIn'], description: 'what the decision rests on: evidence events by id and position, versions, the engine\'s proposal' },
        ),
      }),
    ),
    evidenceChanges: s.nullable(
      s.object({
        requests: s.array(s.object({ requestId: s.string(), openChanges: s.array(DESCRIBED_EVIDENCE_CHANGE) })),
        totalsIfRedecided: s.map(s.amount(), 'credits per unit if every marked entry were re-decided as now proposed'),
        effect: s.map(s.amount(), 'totalsIfRedecided minus the totals now (negative: credit would be lost)'),
      }, { description: 'null when no request of this ledger is flagged evidence-changed' }),
    ),
  }),
);

export const CATALOG = apiSchema(
  'Catalog',
  s.object({
    institutionId: s.string(),
    on: s.date('the date inEffect refers to'),
    upToPosition: UP_TO,
    programs: s.array(
      s.object({
        programId: s.string(),
        latestVersion: s.string(),
        policyInEffect: s.nullable(s.object({ policyId: s.string(), version: s.string() }, { description: 'the policy version a request submitted on `on` would be evaluated under; null: none (a submission would be refused)' })),
        versions: s.array(s.object({ version: s.string(), title: s.nullable(s.string()), creditUnit: s.string(), totalCredits: s.exact(), publishedOn: s.date(), position: s.integer() }), 'oldest first'),
      }),
    ),
    policies: s.array(
      s.object({
        policyId: s.string(),
        versions: s.array(
          s.object({
            version: s.string(),
            programId: s.nullable(s.string('null: every program of the institution')),
            effectiveFrom: s.date(),
            effectiveTo: s.nullable(s.date('exclusive; null: open-ended')),
            inEffect: s.boolean('whether `on` falls in [effectiveFrom, effectiveTo)'),
            conversionTableId: s.string(),
            publishedOn: s.date(),
            position: s.integer(),
          }),
          'oldest first',
        ),
      }),
    ),
  }),
);
