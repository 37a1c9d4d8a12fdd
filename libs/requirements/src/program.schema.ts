import {
  assessmentTypeDefinition,
  assessmentTypesProperty,
  CATALOG_YEAR_PATTERN,
  documentIdDefinition,
  eqfLevelDefinition,
  gradeDefinition,
  institutionIdsDescription,
  rationalDefinition,
  uniqueStrings,
} from './schema-definitions';

/**
 * The published JSON Schema (draft-07) of a program document. Node kinds are
 * told apart by their key (allOf / anyOf / nOf / course / count / credits) with
 * if/then chains, so a fault is reported inside the node kind the author meant.
 * Field by field, with examples: docs/program-language.md.
 */
const id = { type: 'string', pattern: '^[A-Za-z0-9_.:-]+$', minLength: 1, maxLength: 100, description: 'a rule id: letters, digits, "_", ".", ":" or "-"; unique in the program' };

const filter = {
  type: 'object',
  additionalProperties: false,
  description: 'which items a rule or limit looks at; every given criterion must hold',
  properties: {
    levels: { type: 'array', items: { $ref: '#/definitions/eqfLevel' }, uniqueItems: true, description: 'the item is at one of these EQF levels' },
    fields: uniqueStrings('the item is in one of these fields (a course\'s field, or the field an elective grant gives)'),
    issuers: uniqueStrings(`the item was issued by one of these ${institutionIdsDescription}`),
    source: { enum: ['home', 'transfer'], description: 'home: completed here; transfer: credit recognized under a policy' },
    credentialTypes: uniqueStrings('the item belongs to a credential of one of these types (e.g. "MicroMasters")'),
    tags: uniqueStrings('the item carries at least one of these tags'),
    courses: uniqueStrings('the item is one of these internal courses'),
    minGrade: { $ref: '#/definitions/grade' },
    withinYears: { type: 'integer', minimum: 0, description: 'completed on or after the same day this many years before the reference date, and not after it' },
    inResidence: { type: 'boolean', description: 'completed in residence (on campus), or not' },
    assessmentTypes: assessmentTypesProperty('engine 2.x: the item was assessed by one of these methods, e.g. ["proctored-exam"]; an item that does not say fails (ASSESSMENT_NOT_ACCEPTED)'),
    identityVerified: { type: 'boolean', description: "engine 2.x: true: the item was assessed with the learner's identity verified (not stated fails: IDENTITY_NOT_VERIFIED); false: it was not" },
  },
};

const limit = {
  type: 'object',
  additionalProperties: false,
  description: 'a hard cap on the distinct items the node\'s leaves claim and that match the filter (whole items)',
  anyOf: [{ required: ['maxCredits'] }, { required: ['maxItems'] }, { required: ['maxFraction'] }],
  properties: {
    maxCredits: { $ref: '#/definitions/rational' },
    maxItems: { type: 'integer', minimum: 0 },
    maxFraction: { $ref: '#/definitions/rational' },
    filter: { $ref: '#/definitions/filter' },
    label: { type: 'string' },
  },
};

const common = {
  id: { $ref: '#/definitions/id' },
  label: { type: 'string', description: 'shown in explanations and in what is missing' },
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
  description: 'a rule: allOf, anyOf, nOf (with of), course, count or credits',
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
        then: kind('course', { course: { type: 'string', minLength: 1, description: 'an internal course id' }, filter: { $ref: '#/definitions/filter' } }),
        else: {
          if: { required: ['count'] },
          then: kind('count', {
            count: { type: 'integer', minimum: 0 },
            filter: { $ref: '#/definitions/filter' },
            observe: { type: 'boolean', description: 'look at every matching item and consume none' },
          }),
          else: kind('credits', {
            credits: { $ref: '#/definitions/rational' },
            filter: { $ref: '#/definitions/filter' },
            observe: { type: 'boolean', description: 'look at every matching item and consume none' },
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
    courses: uniqueStrings('internal courses that must be completed in residence'),
    description: { type: 'string' },
  },
};

const condition = {
  type: 'object',
  description: 'exactly one of credential, rule or requirement',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    credential: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      description: 'the learner holds a complete credential matching every given field',
      properties: {
        code: { type: 'string' },
        type: { type: 'string' },
        issuer: { type: 'string', description: 'a platform institution id' },
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
  description: 'A receiving institution\'s degree program, one catalog year. Reference: docs/program-language.md.',
  type: 'object',
  required: ['id', 'version', 'creditUnit', 'totalCredits', 'requirements'],
  additionalProperties: false,
  properties: {
    id: { ...documentIdDefinition, description: 'the program id (the {programId} it is published under)' },
    version: { type: 'string', pattern: CATALOG_YEAR_PATTERN, description: 'the catalog year: "2026", "2026-27" or "2026-2027"' },
    title: { type: 'string' },
    institution: { type: 'string', description: 'display name of the institution or school (free text)' },
    creditUnit: { type: 'string', minLength: 1, description: 'ECTS, US_SEMESTER, US_QUARTER, UK_CATS, or a unit defined in conversion' },
    totalCredits: { $ref: '#/definitions/rational' },
    conversion: { type: 'object', additionalProperties: { $ref: '#/definitions/rational' }, description: 'ECTS value of one credit per unit, overriding the default table' },
    requirements: { $ref: '#/definitions/node' },
    shareable: {
      type: 'array',
      description: 'pairs of rule ids whose leaves may count the same item',
      items: { type: 'array', minItems: 2, maxItems: 2, items: { $ref: '#/definitions/id' } },
    },
    residency: {
      type: 'object',
      description: 'a standard route, reduced pathways, or both; without a standard route the program exists only in its pathway forms, and a learner no pathway applies to is not eligible',
      anyOf: [{ required: ['standard'] }, { required: ['reducedPathways'] }],
      additionalProperties: false,
      properties: {
        standard: { $ref: '#/definitions/residency' },
        reducedPathways: {
          type: 'array',
          description: 'tried in order; the first whose conditions all hold applies',
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
    admissionRequired: { type: 'boolean', description: 'admission is a gate of its own, never satisfied by credit (default false)' },
  },
  definitions: {
    id,
    rational: rationalDefinition,
    grade: gradeDefinition,
    eqfLevel: eqfLevelDefinition,
    assessmentType: assessmentTypeDefinition,
    filter,
    limit,
    node,
    residency: residencyRequirement,
    condition,
  },
} as const;
