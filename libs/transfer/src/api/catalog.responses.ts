import { apiSchema, commandResponseSchema, s } from '@app/platform';
import { POLICY_DEFINITION, PROGRAM_DEFINITION } from './definition-schemas';

/** OpenAPI schemas of the catalog API's answers: programs, program versions, policies, and a publication's answer. */
const REFERENCE_CODES = ['course-not-recorded', 'course-not-in-program', 'course-not-known'];

export const PUBLISH_ANSWER = apiSchema('PublishAnswer', {
  ...commandResponseSchema,
  description: 'The standard write answer, and what the definition names that does not exist yet (allowed forward references; see docs/*-language.md, "References")',
  required: [...commandResponseSchema.required, 'warnings'],
  properties: {
    ...commandResponseSchema.properties,
    warnings: s.array(
      s.object({
        path: s.string('JSON pointer into the request body, e.g. /definition/requirements/allOf/1/course'),
        code: { type: 'string', enum: REFERENCE_CODES },
        message: s.string(),
      }),
      'empty when everything the definition names exists',
    ),
  },
  example: { ...commandResponseSchema.example, warnings: [{ path: '/definition/requirements/allOf/1/course', code: 'course-not-known', message: 'course "SCM.290" is not recorded and no published policy of mit grants it: nothing counts toward it until one of them does' }] },
});

const programVersionFields = {
  version: s.string('the catalog year'),
  title: s.nullable(s.string()),
  creditUnit: s.string(),
  totalCredits: s.exact(),
  publishedOn: s.date(),
};

export const PROGRAM = apiSchema(
  'Program',
  s.object({ programId: s.string(), institutionId: s.nullable(s.string('the owner')), versions: s.array(s.object(programVersionFields), 'oldest first'), revision: s.integer('stream revision (also the ETag)') }),
);

export const PROGRAM_VERSION = apiSchema(
  'ProgramVersion',
  s.object({ programId: s.string(), institutionId: s.nullable(s.string()), ...programVersionFields, definition: { ...PROGRAM_DEFINITION, description: 'the program document as published' } }),
);

export const POLICY = apiSchema(
  'RecognitionPolicy',
  s.object({
    policyId: s.string(),
    institutionId: s.nullable(s.string('the owner')),
    versions: s.array(
      s.object({
        version: s.string(),
        programId: s.nullable(s.string('null: every program of the institution')),
        effectiveFrom: s.date(),
        effectiveTo: s.nullable(s.date('exclusive; null: open-ended (a later version closes it)')),
        conversionTableId: s.string(),
        publishedOn: s.date(),
        definition: { ...POLICY_DEFINITION, description: 'the policy document as published (effectiveTo as written; the version\'s own effectiveTo above says where a later version closed it)' },
      }),
      'oldest first',
    ),
    revision: s.integer('stream revision (also the ETag)'),
  }),
);
