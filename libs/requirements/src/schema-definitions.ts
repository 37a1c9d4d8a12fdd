/**
 * JSON-Schema fragments shared by the program and recognition-policy schemas, and the grammars
 * they publish. The patterns are the API's own (the same literals as `ID_PATTERN` and
 * `VERSION_PATTERN` of libs/kernel, which this pure library cannot import; a test keeps them equal):
 * a document that passes its schema is one the API can publish and name.
 */

import { ASSESSMENT_TYPES } from './assessment-types';

/** Program, policy and program-scope ids: a letter or digit, then up to 99 letters, digits, ".", "_", ":" or "-". */
export const DOCUMENT_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$';

/** A recognition-policy version ("2026.1"): a letter or digit, then up to 39 letters, digits, ".", "_" or "-". */
export const POLICY_VERSION_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$';

/** A program version is a catalog year: "2026", "2026-27" or "2026-2027" (a multi-year catalog, "2025-2027", too). */
export const CATALOG_YEAR_PATTERN = '^\\d{4}(-\\d{2}|-\\d{4})?$';

/** The one notation of an EQF level in a definition: "EQF1" .. "EQF8" (a course's `eqfLevel: 7` is "EQF7"). */
export const EQF_LEVEL_PATTERN = '^EQF[1-8]$';

export const rationalDefinition = {
  description: 'a non-negative number, or an exact decimal or fraction string such as "2.5" or "4/3"',
  oneOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: '^\\s*(\\d+(\\.\\d+)?|\\.\\d+|\\d+\\s*/\\s*[1-9]\\d*)\\s*$' },
  ],
};

export const gradeDefinition = {
  description: 'a grade: a percent (85), a letter ("B+"), "P" (pass), or {scale, value}',
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

export const eqfLevelDefinition = {
  type: 'string',
  pattern: EQF_LEVEL_PATTERN,
  description: 'an EQF level, "EQF1" to "EQF8" (6 bachelor, 7 master, 8 doctorate); a course recorded with eqfLevel 7 has level "EQF7"',
};

export const assessmentTypeDefinition = {
  enum: [...ASSESSMENT_TYPES],
  description: `how the learning was assessed, as records keep it: ${ASSESSMENT_TYPES.map((t) => `"${t}"`).join(', ')}`,
};

/** An array of assessment types (a filter's or a policy's `assessmentTypes`). */
export const assessmentTypesProperty = (description: string) => ({ type: 'array', minItems: 1, items: { $ref: '#/definitions/assessmentType' }, uniqueItems: true, description });

export const documentIdDefinition = { type: 'string', pattern: DOCUMENT_ID_PATTERN };

export const dateDefinition = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a calendar date, YYYY-MM-DD' };

export const uniqueStrings = (description: string) => ({ type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description });

/** Institution ids as the platform registers them (lower case; `acceptedIssuers`, `issuers`, `match.issuer`). */
export const institutionIdsDescription = 'platform institution ids (as registered: "mitx", not "MITx")';
