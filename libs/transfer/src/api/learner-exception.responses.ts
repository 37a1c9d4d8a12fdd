import { apiSchema, s } from '@app/platform';

/** OpenAPI schema of GET /learners/{learnerId}/exceptions: the stream folded (learner-exception.decider.ts). */
export const LEARNER_EXCEPTIONS_VIEW = apiSchema(
  'LearnerExceptions',
  s.object({
    institutionId: s.string('the receiving institution (the caller\'s)'),
    learnerId: s.string(),
    revision: s.nullable(s.integer('stream revision (the ETag); null before the first grant')),
    exceptions: s.array(
      s.object({
        exceptionId: s.string(),
        programId: s.string(),
        kind: s.enum(['waive', 'substitute']),
        rulePath: s.string(),
        itemId: s.nullable(s.string('substitute only: "completion:<id>" or "credential:<id>"')),
        reason: s.string(),
        grantedOn: s.date(),
        versions: s.array(s.string(), 'the version granted for, then each version carried forward to: the exception applies when one of them is evaluated'),
        revoked: s.nullable(s.object({ on: s.date(), reason: s.string() })),
      }),
    ),
  }),
);
