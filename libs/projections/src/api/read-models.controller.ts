import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ReadAfterPosition, Roles, ROLES } from '@app/platform';
import { AsOfQueries } from '../as-of/as-of.queries';
import { EligibilityAnswer } from '../eligibility/eligibility-answer';
import { EligibilityQuery } from '../query/eligibility.query';
import { Ledger, LedgerQuery } from '../query/ledger.query';
import { QueuePage, QueueQuery, SubmissionEntry } from '../query/queue.query';
import { Catalog, CatalogQuery } from '../query/catalog.query';
import { CatalogParams, CatalogQueryDto, EligibilityQueryDto, InstitutionQueryDto, LedgerParams, QueueQueryDto, SubmissionsQueryDto } from './query.dto';
import { WhatIfDto } from './what-if.dto';
import { ELIGIBILITY_ANSWER } from './eligibility.responses';
import { CATALOG, LEDGER, QUEUE_PAGE, SUBMISSIONS_PAGE } from './read-models.responses';

/** What every answer's `upToPosition` means, in both ways to run. */
const UP_TO_POSITION =
  '`upToPosition` is the global event-store position the read models reflect. Embedded (standalone): every event up to it is applied. ' +
  'Query service fed over Kafka: the highest position applied, NOT gap-free (partitions are consumed independently, so an event ' +
  'at a lower position, of another learner or stream, may still be on its way).';

/** The query API for admissions offices and auditors, answered from the read models. */
@ApiTags('query')
@ApiBearerAuth()
@Controller()
export class ReadModelsController {
  constructor(
    private readonly eligibilityQuery: EligibilityQuery,
    private readonly queueQuery: QueueQuery,
    private readonly ledgerQuery: LedgerQuery,
    private readonly asOf: AsOfQueries,
    private readonly catalogQuery: CatalogQuery,
  ) {}

  @Get('eligibility')
  @Roles('registrar', 'auditor')
  @ReadAfterPosition('read-models')
  @ApiOperation({ summary: 'Does the learner’s stack satisfy the program, or its reduced-residency pathway, and why (registrar of the program’s institution; auditors in scope)' })
  @ApiOkResponse({ description: `The eligibility answer: requirements, residency outcome (standard or reduced, with reasons), recognized items, what is missing, explanation. ${UP_TO_POSITION}`, schema: ELIGIBILITY_ANSWER })
  @ApiNotFoundResponse({ description: 'Unknown learner or program (or not projected yet); or a program of an institution outside the caller’s scope (code out-of-scope)' })
  eligibility(@Query() query: EligibilityQueryDto, @CurrentPrincipal() principal: Principal): Promise<EligibilityAnswer> {
    if (query.asOf !== undefined) return this.asOf.eligibility(principal, query.learnerId, query.programId, query.asOf, query.axis, query.on);
    return this.eligibilityQuery.eligibility(principal, query.learnerId, query.programId, query.on);
  }

  @Post('eligibility/what-if')
  @HttpCode(200)
  @Roles('registrar', 'auditor')
  @ReadAfterPosition('read-models')
  @ApiOperation({ summary: 'Eligibility with hypothetical changes (extra credentials or completions, another program or policy version, another date); writes nothing' })
  @ApiOkResponse({ description: `The eligibility answer, source "what-if". ${UP_TO_POSITION}`, schema: ELIGIBILITY_ANSWER })
  whatIf(@Body() body: WhatIfDto, @CurrentPrincipal() principal: Principal): Promise<EligibilityAnswer> {
    return this.eligibilityQuery.whatIf(principal, body);
  }

  @Get('queue')
  @Roles('registrar', 'auditor')
  @ReadAfterPosition('read-models')
  @ApiOperation({ summary: 'The receiving institution’s credit-transfer requests by status and age, oldest first; each with its flags (evidence-changed, appealed), filterable by status and flag' })
  @ApiOkResponse({ description: `A page of requests with counts by status and by flag. ${UP_TO_POSITION}`, schema: QUEUE_PAGE })
  queue(@Query() query: QueueQueryDto, @CurrentPrincipal() principal: Principal): Promise<QueuePage> {
    if (query.asOf !== undefined) return this.asOf.queue(principal, query, query.asOf, query.axis);
    return this.queueQuery.queue(principal, query);
  }

  @Get('submissions')
  @Roles('submitter', 'auditor')
  @ReadAfterPosition('read-models')
  @ApiOperation({ summary: 'The credit-transfer requests a submitting university sent, to any receiving institution, by status and age, oldest first; each with its flags (evidence-changed, appealed), filterable by status and flag' })
  @ApiOkResponse({ description: `A page of requests (each with its receiving institution) with counts by status and by flag. ${UP_TO_POSITION}`, schema: SUBMISSIONS_PAGE })
  submissions(@Query() query: SubmissionsQueryDto, @CurrentPrincipal() principal: Principal): Promise<QueuePage<SubmissionEntry>> {
    return this.queueQuery.submissions(principal, query);
  }

  @Get('ledger/:learnerId')
  @Roles('registrar', 'auditor')
  @ReadAfterPosition('read-models')
  @ApiOperation({
    summary:
      'The learner’s credit ledger at the receiving institution: each decided item with its provenance (evidence events, policy version, conversion); entries whose evidence changed since the decision are marked (evidenceChange: the causing event, the new evidence, the proposal now, the effect if re-decided as proposed), with the effect on the totals (evidenceChanges)',
  })
  @ApiOkResponse({ description: `The ledger entries. ${UP_TO_POSITION}`, schema: LEDGER })
  ledger(@Param() params: LedgerParams, @Query() query: InstitutionQueryDto, @CurrentPrincipal() principal: Principal): Promise<Ledger> {
    if (query.asOf !== undefined) return this.asOf.ledger(principal, params.learnerId, query.institutionId, query.asOf, query.axis);
    return this.ledgerQuery.ledger(principal, params.learnerId, query.institutionId);
  }

  @Get('catalog/:institutionId')
  @Roles(...ROLES)
  @ReadAfterPosition('read-models')
  @ApiOperation({ summary: 'A receiving institution’s published catalog: its programs with every version, its recognition policies with every version’s scope and effective period (any authenticated caller, as for GET /programs/{id})' })
  @ApiOkResponse({ description: `Programs and policies, each version oldest first; inEffect says whether a policy version is in effect on \`on\`. ${UP_TO_POSITION}`, schema: CATALOG })
  @ApiNotFoundResponse({ description: 'The institution is not registered' })
  catalog(@Param() params: CatalogParams, @Query() query: CatalogQueryDto): Promise<Catalog> {
    return this.catalogQuery.catalog(params.institutionId, query.on);
  }
}
