/** The published JSON Schema (draft-07) of a recognition policy. */
const rational = {
  description: 'a non-negative number, or an exact decimal or fraction string such as "2.5" or "4/3"',
  oneOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: '^\\s*(\\d+(\\.\\d+)?|\\.\\d+|\\d+\\s*/\\s*[1-9]\\d*)\\s*$' },
  ],
};
const grade = {
  description: 'a grade: a percent (85), a letter ("B+"), or {scale, value}',
  oneOf: [
    { type: 'number', minimum: 0, maximum: 100 },
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      required: ['scale', 'value'],
      additionalProperties: false,
      properties: { scale: { enum: ['percent', 'letter', 'pass-fail'] }, value: { type: ['string', 'number'] } },
    },
  ],
};
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const strings = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };

export const recognitionPolicyJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://credit-transfer.example/schemas/recognition-policy.schema.json',
  title: 'Recognition policy (versioned, effective-dated)',
  type: 'object',
  required: ['id', 'version', 'effectiveFrom', 'receivingInstitution', 'creditUnit', 'acceptedIssuers'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1 },
    version: { type: 'string', minLength: 1 },
    effectiveFrom: { $ref: '#/definitions/date' },
    effectiveTo: { $ref: '#/definitions/date' },
    receivingInstitution: { type: 'string', minLength: 1 },
    programId: { type: 'string' },
    creditUnit: { type: 'string', minLength: 1 },
    acceptedIssuers: strings,
    equivalencies: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'match', 'grant'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          match: {
            type: 'object',
            required: ['code'],
            additionalProperties: false,
            properties: { issuer: { type: 'string' }, code: { type: 'string', minLength: 1 }, kind: { enum: ['course', 'credential'] } },
          },
          grant: {
            type: 'object',
            required: ['as'],
            if: { properties: { as: { const: 'course' } } },
            then: {
              required: ['courseId'],
              additionalProperties: false,
              properties: { as: { const: 'course' }, courseId: { type: 'string', minLength: 1 }, credits: { $ref: '#/definitions/rational' } },
            },
            else: {
              additionalProperties: false,
              properties: { as: { const: 'elective' }, credits: { $ref: '#/definitions/rational' }, field: { type: 'string' }, tags: strings },
            },
          },
          minGrade: { $ref: '#/definitions/grade' },
          priority: { type: 'integer', minimum: -1000, maximum: 1000, description: 'engine 2.x: when the transfer cap binds and allocations serve the program equally, higher priority is granted first (default 0)' },
        },
      },
    },
    credentials: {
      description: 'engine 2.x: per kind of credential, recognised as a whole or through its components, never both',
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'match', 'recognize'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          match: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: { issuer: { type: 'string', minLength: 1 }, code: { type: 'string', minLength: 1 }, type: { type: 'string', minLength: 1 } },
          },
          recognize: { enum: ['whole', 'components'] },
          completeRequired: { type: 'boolean' },
          priority: { type: 'integer', minimum: -1000, maximum: 1000 },
        },
      },
    },
    unmatched: { enum: ['deny', 'elective'] },
    minGrade: { $ref: '#/definitions/grade' },
    letterGrades: { type: 'object', additionalProperties: { $ref: '#/definitions/rational' } },
    maxAgeYears: { type: 'integer', minimum: 0 },
    levels: strings,
    conversion: { type: 'object', additionalProperties: { $ref: '#/definitions/rational' } },
    conversionTableId: { type: 'string' },
    transferCap: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        maxCredits: { $ref: '#/definitions/rational' },
        maxFraction: { $ref: '#/definitions/rational' },
        programTotalCredits: { $ref: '#/definitions/rational' },
      },
    },
    completeCredentialRequired: { type: 'boolean' },
    admissionRequired: { type: 'boolean' },
  },
  definitions: { rational, grade, date },
} as const;
