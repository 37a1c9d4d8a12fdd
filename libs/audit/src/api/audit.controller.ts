import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ReadAfterPosition, Roles } from '@app/platform';
import { HistoryQuery } from '../history/history.query';
import { HistoryPage } from '../history/history.types';
import { PolicyImpact, PolicyImpactReport } from '../impact/policy-impact';
import { DecisionReproduction, ReproductionReport } from '../reproduce/decision-reproduction';
import { AuditRequestParams, HistoryParams, HistoryQueryDto, PolicyImpactDto } from './audit.dto';
import { HISTORY_PAGE, POLICY_IMPACT_REPORT, REPRODUCTION_REPORT } from './audit.responses';

/** Audit: history, reproduction of decisions, policy impact. Read-only: nothing here appends an event. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly history: HistoryQuery,
    private readonly reproduction: DecisionReproduction,
    private readonly impact: PolicyImpact,
  ) {}

  @Get('history/:kind/:id')
  @Roles('admin', 'auditor')
  @ReadAfterPosition('read-models')
  @ApiOperation({ summary: 'History of a learner, a request or an institution: who (institution, role) did what, when it happened and when the system learned it; paged by position' })
  @ApiOkResponse({ description: '{ subject, upToPosition, entries, nextAfter }: upToPosition is the global position the history index reflected when the page was read (embedded: gap-free; fed over Kafka: the highest position applied, not gap-free)', schema: HISTORY_PAGE })
  historyOf(@Param() params: HistoryParams, @Query() query: HistoryQueryDto, @CurrentPrincipal() principal: Principal): Promise<HistoryPage> {
    const { types, ...filter } = query;
    return this.history.page(principal, params.kind, params.id, { ...filter, ...(types ? { types: types.split(',') } : {}) });
  }

  @Get('requests/:requestId/reproduction')
  @Roles('admin', 'auditor', 'registrar')
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'Re-run a request’s evaluation from its recorded versions and evidence: match, or every differing field; decisions next to proposals' })
  @ApiOkResponse({ description: 'identical, or every differing field as a JSON pointer; what the evaluation was pinned to', schema: REPRODUCTION_REPORT })
  reproduce(@Param() params: AuditRequestParams, @CurrentPrincipal() principal: Principal): Promise<ReproductionReport> {
    return this.reproduction.reproduce(principal, params.requestId);
  }

  @Post('policy-impact')
  @HttpCode(200)
  @Roles('admin', 'auditor', 'registrar')
  @ReadAfterPosition('read-models')
  @ApiOperation({ summary: 'For a proposed, unpublished policy version: which requests of the institution would change outcome, with per-request diffs (writes nothing)' })
  @ApiOkResponse({ description: 'Requests considered, changed and unchanged, item by item', schema: POLICY_IMPACT_REPORT })
  policyImpact(@Body() body: PolicyImpactDto, @CurrentPrincipal() principal: Principal): Promise<PolicyImpactReport> {
    return this.impact.analyse(principal, body.definition);
  }
}
