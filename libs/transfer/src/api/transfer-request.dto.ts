import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OCCURRED_AT_DESCRIPTION, OCCURRED_AT_PATTERN, OCCURRED_AT_SCHEMA } from '@app/event-store';
import { ValidateWith } from '@app/platform';
import { EXACT, ID, idSchema, REASON_CODE, text, VERSION } from './schema-parts';

const idList = { type: 'array', maxItems: 200, uniqueItems: true, items: idSchema } as const;
/** A presented credential's vcId, or `<vcId>#<n>` for the n-th achievement of a CLR transcript. */
const PRESENTED_REF = `${ID.slice(0, -1)}(#[0-9]{1,3})?$`;
const presentedList = { type: 'array', maxItems: 200, uniqueItems: true, items: { type: 'string', pattern: PRESENTED_REF } } as const;
const STEP_OCCURRED_AT = (date: string) => `${OCCURRED_AT_DESCRIPTION} Its UTC date is ${date}; not before the request's previous step.`;

@ValidateWith({ type: 'object', additionalProperties: false, required: ['requestId'], properties: { requestId: idSchema } })
export class RequestParams {
  @ApiProperty({ pattern: ID }) requestId!: string;
}

export class EvidenceRefsDto {
  @ApiPropertyOptional({ type: [String], description: "Completion ids of the learner's record" }) completionIds?: string[];
  @ApiPropertyOptional({ type: [String], description: "Credential ids of the learner's record" }) credentialIds?: string[];
  @ApiPropertyOptional({
    type: [String],
    description: 'Presented verifiable credentials (POST /learners/{id}/verifiable-credentials): the vcId, or "<vcId>#<n>" for the n-th achievement of a CLR transcript',
  })
  verifiableCredentialIds?: string[];
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['learnerId', 'receivingInstitution', 'programId', 'evidence'],
  properties: {
    learnerId: idSchema,
    receivingInstitution: idSchema,
    programId: idSchema,
    programVersion: { type: 'string', pattern: VERSION },
    evidence: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { completionIds: idList, credentialIds: idList, verifiableCredentialIds: presentedList },
    },
    note: text(2000),
  },
})
export class SubmitTransferRequestDto {
  @ApiProperty() learnerId!: string;
  @ApiProperty({ example: 'mit' }) receivingInstitution!: string;
  @ApiProperty({ example: 'mit-scm' }) programId!: string;
  @ApiPropertyOptional({ example: '2026-2027', description: 'Catalog year, or "latest" (default); pinned at submission' }) programVersion?: string;
  @ApiProperty({ type: EvidenceRefsDto }) evidence!: EvidenceRefsDto;
  @ApiPropertyOptional({ maxLength: 2000 }) note?: string;
}

const itemDecision = {
  type: 'object',
  additionalProperties: false,
  required: ['itemId', 'outcome', 'reasonCode'],
  properties: {
    itemId: { type: 'string', minLength: 1, maxLength: 220 },
    outcome: { enum: ['granted', 'partially-granted', 'denied', 'recognized'] },
    reasonCode: { type: 'string', pattern: REASON_CODE },
    note: text(2000),
    credits: { type: 'string', pattern: EXACT },
    overrideReason: text(2000),
    grantedAs: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['as', 'courseId'], properties: { as: { const: 'course' }, courseId: { type: 'string', minLength: 1, maxLength: 200 } } },
        { type: 'object', additionalProperties: false, required: ['as'], properties: { as: { const: 'elective' } } },
      ],
    },
  },
} as const;

export class GrantedAsDto {
  @ApiProperty({ enum: ['course', 'elective'] }) as!: 'course' | 'elective';
  @ApiPropertyOptional({ example: 'SCM.SC1x', description: 'The internal course it counts as (as: course)' }) courseId?: string;
}

export class ItemDecisionDto {
  @ApiProperty({ example: 'completion:6a1f...', description: 'the request item, as the request names it: "completion:<id>" or "credential:<id>"' }) itemId!: string;
  @ApiProperty({ enum: ['granted', 'partially-granted', 'denied', 'recognized'], description: 'recognized: accepted as evidence without credit of its own (credits "0"), e.g. a pathway credential counted through its components' })
  outcome!: 'granted' | 'partially-granted' | 'denied' | 'recognized';
  @ApiProperty({ example: 'EQUIVALENT_COURSE' }) reasonCode!: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional({ example: '8', description: 'Exact, in the receiving unit (default: the proposal; "0" when denied)' }) credits?: string;
  @ApiPropertyOptional({ description: 'Required when the decision differs from the automatic proposal' }) overrideReason?: string;
  @ApiPropertyOptional({ type: GrantedAsDto, description: 'What the item counts as toward the program; default: what the proposal granted it as, else elective credit' })
  grantedAs?: { as: 'course'; courseId: string } | { as: 'elective' };
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', minItems: 1, maxItems: 400, items: itemDecision }, occurredAt: OCCURRED_AT_SCHEMA },
})
export class DecideItemsDto {
  @ApiProperty({ type: [ItemDecisionDto] }) items!: ItemDecisionDto[];
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: STEP_OCCURRED_AT('decidedOn') }) occurredAt?: string;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', minItems: 1, maxItems: 400, items: itemDecision }, note: text(2000), occurredAt: OCCURRED_AT_SCHEMA },
})
export class ReviseDto {
  @ApiProperty({
    type: [ItemDecisionDto],
    description:
      'The items the revision re-decides: at least every item the appeal contests (every item if the appeal names none) and every item whose evidence changed since the last decision or revision (400 items-undecided otherwise). Other items of the request may be re-decided too, or left out: they keep their decision in force, and RequestRevised lists them as keptItems.',
  })
  items!: ItemDecisionDto[];
  @ApiPropertyOptional({ description: 'Why the decision was revised; the ledger shows it (provenance.decidedIn.note, and provenance.note of items without a note of their own)' }) note?: string;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: STEP_OCCURRED_AT('revisedOn') }) occurredAt?: string;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'rulePath', 'reason'],
  properties: {
    kind: { enum: ['waive', 'substitute'] },
    rulePath: text(500),
    itemId: { type: 'string', minLength: 1, maxLength: 220 },
    reason: text(2000),
    occurredAt: OCCURRED_AT_SCHEMA,
  },
})
export class GrantExceptionDto {
  @ApiProperty({ enum: ['waive', 'substitute'] }) kind!: 'waive' | 'substitute';
  @ApiProperty({ example: 'mit-scm/capstone', description: 'Rule path in the request’s program version' }) rulePath!: string;
  @ApiPropertyOptional({ description: 'Substitute only: the request item that counts toward the rule ("completion:<id>" or "credential:<id>")' }) itemId?: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: STEP_OCCURRED_AT('grantedOn') }) occurredAt?: string;
}

@ValidateWith({
  type: 'object',
  additionalProperties: false,
  required: ['grounds'],
  properties: {
    grounds: text(4000),
    itemIds: { type: 'array', maxItems: 400, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 220 } },
    occurredAt: OCCURRED_AT_SCHEMA,
  },
})
export class AppealDto {
  @ApiProperty() grounds!: string;
  @ApiPropertyOptional({ type: [String], description: 'the request items appealed ("completion:<id>" or "credential:<id>")' }) itemIds?: string[];
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: STEP_OCCURRED_AT('appealedOn') }) occurredAt?: string;
}

@ValidateWith({ type: 'object', additionalProperties: false, properties: { reason: text(2000), occurredAt: OCCURRED_AT_SCHEMA } })
export class WithdrawDto {
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ pattern: OCCURRED_AT_PATTERN, description: STEP_OCCURRED_AT('withdrawnOn') }) occurredAt?: string;
}
