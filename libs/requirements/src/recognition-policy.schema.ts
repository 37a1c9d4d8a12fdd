import {
  dateDefinition,
  DOCUMENT_ID_PATTERN,
  documentIdDefinition,
  eqfLevelDefinition,
  gradeDefinition,
  institutionIdsDescription,
  POLICY_VERSION_PATTERN,
  rationalDefinition,
  uniqueStrings,
} from './schema-definitions';

/** The published JSON Schema (draft-07) of a recognition policy. Field by field, with examples: docs/recognition-policy-language.md. */
const equivalency = {
  type: 'object',
  required: ['id', 'match', 'grant'],
  additionalProperties: false,
  description: 'an external course or credential, and the internal course or elective credit it is recognized as',
  properties: {
    id: { type: 'string', minLength: 1, description: 'unique in the policy; decisions name it' },
    match: {
      type: 'object',
      required: ['code'],
      additionalProperties: false,
      properties: {
        issuer: { type: 'string', description: 'a platform institution id; absent: any accepted issuer' },
        code: { type: 'string', minLength: 1, description: 'the issuer\'s course id, or the credential\'s code (e.g. "MITx-SCM-MM")' },
        kind: { enum: ['course', 'credential'], description: 'absent: either' },
      },
    },
    grant: {
      type: 'object',
      required: ['as'],
      description: 'as: course (an internal course, courseId) or elective (credit with an optional field and tags)',
      if: { properties: { as: { const: 'course' } } },
      then: {
        required: ['courseId'],
        additionalProperties: false,
        properties: { as: { const: 'course' }, courseId: { type: 'string', minLength: 1 }, credits: { $ref: '#/definitions/rational' } },
      },
      else: {
        additionalProperties: false,
        properties: { as: { const: 'elective' }, credits: { $ref: '#/definitions/rational' }, field: { type: 'string' }, tags: uniqueStrings('tags the granted item carries') },
      },
    },
    minGrade: { $ref: '#/definitions/grade' },
    priority: { type: 'integer', minimum: -1000, maximum: 1000, description: 'engine 2.x: when the transfer cap binds and allocations serve the program equally, higher priority is granted first (default 0)' },
  },
};

export const recognitionPolicyJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://credit-transfer.example/schemas/recognition-policy.schema.json',
  title: 'Recognition policy (versioned, effective-dated)',
  description: 'The rules by which a receiving institution recognizes external learning, one version. Reference: docs/recognition-policy-language.md.',
  type: 'object',
  required: ['id', 'version', 'effectiveFrom', 'receivingInstitution', 'creditUnit', 'acceptedIssuers'],
  additionalProperties: false,
  properties: {
    id: { ...documentIdDefinition, description: 'the policy id (the {policyId} it is published under)' },
    version: { type: 'string', pattern: POLICY_VERSION_PATTERN, description: 'letters, digits, ".", "_" or "-" (at most 40), e.g. "2026.1"' },
    effectiveFrom: { $ref: '#/definitions/date' },
    effectiveTo: { $ref: '#/definitions/date' },
    receivingInstitution: { type: 'string', minLength: 1, description: 'the publishing institution\'s platform id' },
    programId: { type: 'string', pattern: DOCUMENT_ID_PATTERN, description: 'the program it applies to; absent: every program of the institution' },
    creditUnit: { type: 'string', minLength: 1, description: 'the unit granted credits are expressed in' },
    acceptedIssuers: uniqueStrings(`evidence from other issuers is denied (ISSUER_NOT_ACCEPTED); ${institutionIdsDescription}`),
    equivalencies: { type: 'array', items: { $ref: '#/definitions/equivalency' } },
    credentials: {
      description: 'engine 2.x: per kind of credential, recognised as a whole (its components then count only through it) or through its components (the credential grants no credit of its own), never both; without a rule: as a whole when an equivalency names its code, else through its components',
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'match', 'recognize'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1, description: 'unique within the policy' },
          match: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            description: 'which credentials the rule is for (every given field must match)',
            properties: { issuer: { type: 'string', minLength: 1 }, code: { type: 'string', minLength: 1 }, type: { type: 'string', minLength: 1 } },
          },
          recognize: { enum: ['whole', 'components'] },
          completeRequired: { type: 'boolean', description: 'its components count only while this credential is complete and not revoked (CREDENTIAL_INCOMPLETE)' },
          priority: { type: 'integer', minimum: -1000, maximum: 1000, description: 'the transfer cap\'s tie-break, as for equivalencies (default 0)' },
        },
      },
    },
    unmatched: { enum: ['deny', 'elective'], description: 'accepted evidence without an equivalency: deny (default, NO_EQUIVALENCY) or grant elective credit' },
    minGrade: { $ref: '#/definitions/grade' },
    letterGrades: { type: 'object', additionalProperties: { $ref: '#/definitions/rational' }, description: 'letter -> lowest percent, replacing the default table' },
    maxAgeYears: { type: 'integer', minimum: 0, description: 'evidence dated more than this many years before the reference date is denied (TOO_OLD)' },
    levels: { type: 'array', items: { $ref: '#/definitions/eqfLevel' }, uniqueItems: true, description: 'accepted EQF levels; evidence at another level is denied (LEVEL_MISMATCH)' },
    conversion: { type: 'object', additionalProperties: { $ref: '#/definitions/rational' }, description: 'ECTS value of one credit per unit, overriding the default table' },
    conversionTableId: { type: 'string', description: 'the name the conversion table is recorded under' },
    transferCap: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      description: 'the most credit recognized in all, for the learner toward the program (the smaller of the two when both are given)',
      properties: {
        maxCredits: { $ref: '#/definitions/rational' },
        maxFraction: { $ref: '#/definitions/rational' },
        programTotalCredits: { $ref: '#/definitions/rational' },
      },
    },
    completeCredentialRequired: { type: 'boolean', description: 'only evidence of a complete credential is recognized (CREDENTIAL_INCOMPLETE); default false' },
    admissionRequired: { type: 'boolean', description: 'nothing is recognized before the learner is admitted (ADMISSION_REQUIRED); default false' },
  },
  definitions: { rational: rationalDefinition, grade: gradeDefinition, date: dateDefinition, eqfLevel: eqfLevelDefinition, equivalency },
} as const;
