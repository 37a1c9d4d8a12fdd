import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { refuse } from '@app/kernel';
import { CurrentPrincipal, Principal, ReadAfterPosition, Roles } from '@app/platform';
import { ExportFilter } from '../export/export-filter';
import { writeExport } from '../export/write-export';
import { parseDigest } from '../verify/log-digest';
import { verifyLog } from '../verify/verify-log';
import { VerifyReport } from '../verify/verify-report';
import { ExportQueryDto, VerifyQueryDto } from './integrity.dto';
import { EXPORT_STREAM, VERIFY_REPORT } from './audit.responses';

/**
 * Log integrity over HTTP, for auditors and admins; both endpoints only read.
 * GET /audit/verify runs the whole verification inside the request and answers with the report
 * (a log of 1M events takes seconds to tens of seconds: give the client a long timeout, or use
 * `npm run audit -- verify` for a progress bar). GET /audit/export streams NDJSON as it reads.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class IntegrityController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('verify')
  @Roles('admin', 'auditor')
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'Verify every stream’s hash chain and compute the global log digest (reads the whole log; slow on big logs)' })
  @ApiOkResponse({ description: 'The report: ok, counts, the first broken link (stream, revision, position, event id, kind), digest <hex>@<position>', schema: VERIFY_REPORT })
  verify(@Query() query: VerifyQueryDto): Promise<VerifyReport> {
    const expectDigest = query.expectDigest === undefined ? undefined : (parseDigest(query.expectDigest) ?? undefined);
    return verifyLog(this.store, { expectDigest });
  }

  @Get('export')
  @Roles('admin', 'auditor')
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'Export events as NDJSON (one recorded event per line, full envelope), filtered; auditors need the all-institutions scope' })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'application/x-ndjson: one recorded event per line (schema ExportedEvent, also given as x-ndjson-line), global order',
    content: { 'application/x-ndjson': { schema: EXPORT_STREAM } },
  })
  async export(@Query() query: ExportQueryDto, @CurrentPrincipal() principal: Principal, @Res() reply: RawReply): Promise<void> {
    if (principal.role === 'auditor' && !principal.auditScope.includes('*')) {
      throw refuse.forbidden('all-institutions-scope-required', 'the raw event log spans every institution: exporting it needs the all-institutions audit scope (*)');
    }
    // The stream is written on Node's response directly: tell Fastify not to send a reply itself.
    reply.hijack();
    const res = reply.raw;
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    try {
      await writeExport(this.store, exportFilter(query), res);
      res.end();
    } catch (error) {
      // The status line is gone: cutting the stream is the only way left to say it failed.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/** What the export needs of Fastify's reply. */
type RawReply = { raw: ServerResponse; hijack(): unknown };

function exportFilter(query: ExportQueryDto): ExportFilter {
  return {
    stream: query.stream,
    category: query.category,
    types: query.type === undefined ? undefined : ([] as string[]).concat(query.type),
    fromPosition: query.fromPosition,
    toPosition: query.toPosition,
    since: query.since,
    until: query.until,
  };
}
