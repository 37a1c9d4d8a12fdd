import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { refuse } from '@app/kernel';
import { Public } from '@app/platform';
import { HostedStatusLists } from '../hosted-status-lists/hosted-status-lists';
import { StatusListParams } from './credentials.dto';
import { HOSTED_STATUS_LIST } from './credentials.responses';

/** The status lists this system hosts, public as verifiers fetch them (no credential needed). */
@ApiTags('credentials: status lists')
@Controller('status-lists')
export class HostedStatusListsController {
  constructor(private readonly lists: HostedStatusLists) {}

  @Get(':statusListId')
  @Public()
  @ApiOperation({ summary: 'A hosted BitstringStatusListCredential (revocation), signed by its institution key; re-signed when a bit is set' })
  @ApiOkResponse({ description: 'The signed status list credential', schema: HOSTED_STATUS_LIST })
  @ApiNotFoundResponse({ description: 'No such hosted list (status-list-not-found)' })
  async find(@Param() params: StatusListParams): Promise<Record<string, unknown>> {
    const list = await this.lists.find(params.statusListId);
    if (!list) throw refuse.notFound('status-list-not-found', `no hosted status list ${params.statusListId}`);
    return list;
  }
}
