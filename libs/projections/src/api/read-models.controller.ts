import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/platform';
import { AsOfQueries } from '../as-of/as-of.queries';
import { EligibilityAnswer } from '../eligibility/eligibility-answer';
import { EligibilityQuery } from '../query/eligibility.query';
import { Ledger, LedgerQuery } from '../query/ledger.query';
import { QueuePage, QueueQuery } from '../query/queue.query';
import { EligibilityQueryDto, InstitutionQueryDto, LedgerParams, QueueQueryDto } from './query.dto';
import { WhatIfDto } from './what-if.dto';

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
  ) {}

  @Get('eligibility')
  @Roles('registrar', 'auditor')
  @ApiOperation({ summary: 'Does the learner’s stack satisfy the program, or its reduced-residency pathway, and why (registrar of the program’s institution; auditors in scope)' })
  @ApiOkResponse({ description: 'The eligibility answer: requirements, residency outcome (standard or reduced, with reasons), recognized items, what is missing, explanation' })
  @ApiNotFoundResponse({ description: 'Unknown learner or program (or not projected yet)' })
  @ApiForbiddenResponse({ description: 'The program belongs to another institution' })
  eligibility(@Query() query: EligibilityQueryDto, @CurrentPrincipal() principal: Principal): Promise<EligibilityAnswer> {
    if (query.asOf !== undefined) return this.asOf.eligibility(principal, query.learnerId, query.programId, query.asOf, query.axis, query.on);
    return this.eligibilityQuery.eligibility(principal, query.learnerId, query.programId, query.on);
  }

  @Post('eligibility/what-if')
  @HttpCode(200)
  @Roles('registrar', 'auditor')
  @ApiOperation({ summary: 'Eligibility with hypothetical changes (extra credentials or completions, another program or policy version, another date); writes nothing' })
  @ApiOkResponse({ description: 'The eligibility answer, source "what-if"' })
  whatIf(@Body() body: WhatIfDto, @CurrentPrincipal() principal: Principal): Promise<EligibilityAnswer> {
    return this.eligibilityQuery.whatIf(principal, body);
  }

  @Get('queue')
  @Roles('registrar', 'auditor')
  @ApiOperation({ summary: 'The receiving institution’s credit-transfer requests by status and age, oldest first' })
  queue(@Query() query: QueueQueryDto, @CurrentPrincipal() principal: Principal): Promise<QueuePage> {
    if (query.asOf !== undefined) return this.asOf.queue(principal, query, query.asOf, query.axis);
    return this.queueQuery.queue(principal, query);
  }

  @Get('ledger/:learnerId')
  @Roles('registrar', 'auditor')
  @ApiOperation({ summary: 'The learner’s credit ledger at the receiving institution: each decided item with its provenance (evidence events, policy version, conversion)' })
  ledger(@Param() params: LedgerParams, @Query() query: InstitutionQueryDto, @CurrentPrincipal() principal: Principal): Promise<Ledger> {
    if (query.asOf !== undefined) return this.asOf.ledger(principal, params.learnerId, query.institutionId, query.asOf, query.axis);
    return this.ledgerQuery.ledger(principal, params.learnerId, query.institutionId);
  }
}
