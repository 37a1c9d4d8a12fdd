/**
 * The published JSON Schema (draft-07) of a program document. Node kinds are
 * told apart by their key (allOf / anyOf / nOf / course / count / credits) with
 * if/then chains, so a fault is reported inside the node kind the author meant.
 */
const rationalValue = {
  description: 'a non-negative number, or an exact decimal or fraction string such as "2.5" or "4/3"',
  oneOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: '^\\s*(\\d+(\\.\\d+)?|\\.\\d+|\\d+\\s*/\\s*[1-9]\\d*)\\s*$' },
  ],
};

const id = { type: 'string', pattern: '^[A-Za-z0-9_.:-]+$', minLength: 1, maxLength: 100 };
const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };

const grade = {
  description: 'a grade: a percent (85), a letter ("B+"), or {scale, value}',
  oneOf: [
    { type: 'number', minimum: 0, maximum: 100 },
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      required: ['scale', 'value'],
      additionalProperties: false,
      properties: {
        scale: { enum: ['percent', 'letter', 'pass-fail'] },
        value: { type: ['string', 'number'] },
      },
    },
  ],
};

const filter = {
  type: 'object',
  additionalProperties: false,
  properties: {
    levels: stringList,
    fields: stringList,
    issuers: stringList,
    source: { enum: ['home', 'transfer'] },
    credentialTypes: stringList,
    tags: stringList,
    courses: stringList,
    minGrade: grade,
    withinYears: { type: 'integer', minimum: 0 },
    inResidence: { type: 'boolean' },
  },
};

const limit = {
  type: 'object',
  additionalProperties: false,
  anyOf: [{ required: ['maxCredits'] }, { required: ['maxItems'] }, { required: ['maxFraction'] }],
  properties: {
    maxCredits: rationalValue,
    maxItems: { type: 'integer', minimum: 0 },
    maxFraction: rationalValue,
    filter: { $ref: '#/definitions/filter' },
    label: { type: 'string' },
  },
};

const common = {
  id: { $ref: '#/definitions/id' },
  label: { type: 'string' },
  limits: { type: 'array', items: { $ref: '#/definitions/limit' } },
};
const children = { type: 'array', minItems: 1, items: { $ref: '#/definitions/node' } };

function kind(key: string, props: Record<string, unknown>, extraRequired: string[] = []) {
  return {
    type: 'object',
    required: ['id', key, ...extraRequired],
    additionalProperties: false,
    properties: { ...common, ...props },
  };
}

const node = {
  type: 'object',
  if: { required: ['allOf'] },
  then: kind('allOf', { allOf: children }),
  else: {
    if: { required: ['anyOf'] },
    then: kind('anyOf', { anyOf: children }),
    else: {
      if: { required: ['nOf'] },
      then: kind('nOf', { nOf: { type: 'integer', minimum: 0 }, of: children }, ['of']),
      else: {
        if: { required: ['course'] },
        then: kind('course', { course: { type: 'string', minLength: 1 }, filter: { $ref: '#/definitions/filter' } }),
        else: {
          if: { required: ['count'] },
          then: kind('count', {
            count: { type: 'integer', minimum: 0 },
            filter: { $ref: '#/definitions/filter' },
            observe: { type: 'boolean' },
          }),
          else: kind('credits', {
            credits: { $ref: '#/definitions/rational' },
            filter: { $ref: '#/definitions/filter' },
            observe: { type: 'boolean' },
          }),
        },
      },
    },
  },
};

const residencyRequirement = {
  type: 'object',
  additionalProperties: false,
  properties: {
    months: { type: 'number', minimum: 0 },
    terms: { type: 'integer', minimum: 0 },
    credits: { $ref: '#/definitions/rational' },
    courses: stringList,
    description: { type: 'string' },
  },
};

const condition = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    credential: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        code: { type: 'string' },
        type: { type: 'string' },
        issuer: { type: 'string' },
        maxAgeYears: { type: 'integer', minimum: 0 },
      },
    },
    rule: { $ref: '#/definitions/id' },
    requirement: { $ref: '#/definitions/node' },
  },
};

export const programJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://credit-transfer.example/schemas/program.schema.json',
  title: 'Degree program (requirements and residency)',
  type: 'object',
  required: ['id', 'version', 'creditUnit', 'totalCredits', 'requirements'],
  additionalProperties: false,
  properties: {
    id: { $ref: '#/definitions/id' },
    version: { type: 'string', minLength: 1 },
    title: { type: 'string' },
    institution: { type: 'string' },
    creditUnit: { type: 'string', minLength: 1 },
    totalCredits: { $ref: '#/definitions/rational' },
    conversion: { type: 'object', additionalProperties: { $ref: '#/definitions/rational' } },
    requirements: { $ref: '#/definitions/node' },
    shareable: {
      type: 'array',
      items: { type: 'array', minItems: 2, maxItems: 2, items: { $ref: '#/definitions/id' } },
    },
    residency: {
      type: 'object',
      required: ['standard'],
      additionalProperties: false,
      properties: {
        standard: { $ref: '#/definitions/residency' },
        reducedPathways: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'requires', 'residency'],
            additionalProperties: false,
            properties: {
              id: { $ref: '#/definitions/id' },
              label: { type: 'string' },
              requires: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } },
              residency: { $ref: '#/definitions/residency' },
            },
          },
        },
      },
    },
    admissionRequired: { type: 'boolean' },
  },
  definitions: {
    id,
    rational: rationalValue,
    grade,
    filter,
    limit,
    node,
    residency: residencyRequirement,
    condition,
  },
} as const;
