import { apiSchema, s } from '@app/platform';

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
    totalCredits: s.object({ have: s.exact(), need: s.exact(), satisfied: s.boolean() }),
    admission: s.object({ required: s.boolean(), admitted: s.boolean(), satisfied: s.boolean() }),
    residency: s.object({
      outcome: s.enum(['standard', 'reduced']),
      pathway: s.nullable(s.object({ id: s.string(), label: s.nullable(s.string()) })),
      months: s.nullable(s.number()),
      terms: s.nullable(s.integer()),
      standard: s.object({ months: s.nullable(s.number()), terms: s.nullable(s.integer()) }),
      reasons: s.array(s.string()),
    }),
    recognized: s.array(
      s.object({
        itemId: s.string(),
        title: s.string(),
        decision: s.enum(['granted', 'partially-granted', 'denied']),
        creditsGranted: s.exact(),
        unit: s.string(),
        reasons: s.array(s.string('a reason code')),
      }),
      'every piece of evidence with its recognition decision',
    ),
    missing: s.array(s.object({ rulePath: s.string('"" for the degree total'), message: s.string() }), 'what is still missing'),
    explanation: s.array(s.string(), 'plain sentences'),
  }),
);
