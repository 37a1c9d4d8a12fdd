import { s } from '@app/platform';

/**
 * OpenAPI schema of the step that took a decision in force (domain/decision-step.ts), shared by
 * the request view (each decision's `decidedIn`) and the ledger (`provenance.decidedIn`).
 */
export const DECISION_STEP = s.object(
  {
    type: s.enum(['ItemsDecided', 'RequestRevised']),
    eventId: s.nullable(s.string('the decision or revision event')),
    position: s.nullable(s.integer('its global position')),
    on: s.date('decidedOn or revisedOn'),
    note: s.nullable(s.string("the revision's note (null for a decision)")),
    appeal: s.nullable(
      s.object(
        {
          eventId: s.nullable(s.string('the RequestAppealed event')),
          position: s.nullable(s.integer()),
          grounds: s.string(),
          itemIds: s.array(s.string(), 'the items it contests (none: the whole decision)'),
          appealedOn: s.date(),
        },
        { description: 'the appeal the revision answers (null: a decision, or a revision of a request flagged by an evidence change)' },
      ),
    ),
    evidenceChanges: s.array(s.string(), 'causing event ids of the evidence changes it answered (the flags it cleared)'),
  },
  { description: 'the step that took this decision: the decision, or the revision that last re-decided the item (a partial revision keeps the others)' },
);
