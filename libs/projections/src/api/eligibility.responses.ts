import { apiSchema, s } from '@app/platform';

/** Where an exception in an answer was granted (absent in progress rows projected before learner exceptions: all were on requests). */
const EXCEPTION_SOURCE = s.enum(['request', 'learner'], 'request: on one of the learner\'s transfer requests; learner: to the learner (POST /learners/{learnerId}/exceptions)');

/**
 * The OpenAPI schema of the eligibility answer (GET /eligibility and POST /eligibility/what-if):
 * the one place to change when the answer's shape changes (EligibilityAnswer in
 * eligibility/eligibility-answer.ts). The response-schema test (test/openapi-responses.e2e.spec.ts)
 * fails for any field an answer carries that this schema does not declare.
 */
export const ELIGIBILITY_ANSWER = apiSchema(
  'EligibilityAnswer',
  s.object({
    learnerId: s.string(),
    programId: s.string(),
    programVersion: s.string('the catalog year evaluated (the latest, or the what-if\'s)'),
    institutionId: s.string('the receiving institution (the program\'s owner)'),
    engineVersion: s.string('the requirement engine that evaluated it'),
    referenceDate: s.date('the date the answer is evaluated as of'),
    source: s.enum(['projection', 'live', 'what-if', 'as-of'], 'projection: the stored progress row; live: evaluated now from the read models; what-if: with hypothetical changes; as-of: from the events up to a cut'),
    upToPosition: s.integer('the global event-store position the read models reflect (over Kafka: the highest applied, not gap-free)'),
    policy: s.nullable(s.object({ policyId: s.string(), version: s.string() })),
    result: s.enum(['satisfied', 'partial', 'unsatisfied']),
    requirementsSatisfied: s.boolean(),
    totalCredits: s.object({ have: s.amount(), need: s.amount(), satisfied: s.boolean() }),
    admission: s.object({ required: s.boolean(), admitted: s.boolean(), satisfied: s.boolean() }),
    residency: s.object({
      outcome: s.enum(['standard', 'reduced', 'not-eligible']),
      pathway: s.nullable(s.object({ id: s.string(), label: s.nullable(s.string()) })),
      months: s.nullable(s.number()),
      terms: s.nullable(s.integer()),
      standard: s.nullable(s.object({ months: s.nullable(s.number()), terms: s.nullable(s.integer()) })),
      reasons: s.array(s.string()),
    }),
    recognized: s.array(
      s.object(
        {
          itemId: { ...s.string('the piece of evidence, spelled as in requests and the ledger: "completion:<id>" or "credential:<id>"; a what-if\'s hypothetical one "what-if:completion:<n>" / "what-if:credential:<n>" (n: its index in the body)'), pattern: '^(what-if:)?(completion|credential):.+$' },
          title: s.string(),
          decision: s.enum(['granted', 'partially-granted', 'denied', 'recognized'], 'recognized: accepted without credit of its own (e.g. a pathway credential counted through its components)'),
          creditsGranted: s.amount(),
          unit: s.string(),
          reasons: s.array(s.string('a reason code')),
          basis: s.enum(['decided', 'proposed'], "decided: a registrar's decision in force binds; proposed: the engine's proposal, nothing decided yet"),
          requestId: s.nullable(s.string('the request whose decision binds (decided only)')),
          override: s.boolean('decided: the decision differs from the proposal'),
          evidenceChanged: s.boolean('decided: the evidence changed since the decision (it binds until revised)'),
        },
        { optional: ['override', 'evidenceChanged'] },
      ),
      'every piece of evidence: the decision in force, or the engine\'s proposal',
    ),
    home: s.array(
      s.object({ itemId: { ...s.string('"completion:<id>", as in requests and the ledger; a what-if\'s hypothetical one "what-if:completion:<n>"'), pattern: '^(what-if:)?completion:.+$' }, title: s.string(), courseId: s.string(), credits: s.amount(), unit: s.string(), inResidence: s.boolean() }),
      "completions of the receiving institution's own courses: counted as taken here, no recognition",
    ),
    missing: s.array(
      s.object(
        {
          rulePath: s.string('"" for the degree total, admission and residency'),
          message: s.string(),
          need: s.json('what new learning completes it: { kind: course | items | credits | total | exception | admission | residency, ... }'),
          notes: s.array(s.string(), 'why items the learner holds do not count here'),
        },
        { optional: ['need', 'notes'] },
      ),
      'a completion of the program: adding what each entry asks for satisfies it',
    ),
    completion: s.nullable(s.object({ items: s.integer('new items (courses) it asks for'), verified: s.boolean('adding it was evaluated and satisfies the program'), needsException: s.boolean(), exhaustive: s.boolean() })),
    exceptions: s.object({
      applied: s.array(s.object({ id: s.string('the exception id'), kind: s.string(), path: s.string(), source: EXCEPTION_SOURCE }, { optional: ['source'] })),
      ignored: s.array(
        s.object({ id: s.string('the exception id'), path: s.string(), reason: s.string('why not applied, e.g. granted for another program version: carry it forward to apply it'), source: EXCEPTION_SOURCE }, { optional: ['source'] }),
        'exceptions not applied in this answer, never silently dropped',
      ),
    }),
    explanation: s.array(s.string(), 'plain sentences'),
  }),
);
