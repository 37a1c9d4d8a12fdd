import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { Command, COMMAND_RESPONSE, commandResponse, CommandResponse, HeaderResponse, ROLES, Roles, ReadAfterPosition } from '@app/platform';
import { StatusListCommandsHandler } from '../status-lists/status-list-commands.handler';
import { StoreStatusListDirectory } from '../status-lists/store-status-list-directory';
import { RegisterStatusListDto } from './status-lists.dto';
import { REGISTERED_STATUS_LISTS } from './status-lists.responses';

/** Status list credentials registered for offline status checks (GET /status-lists/{id} is the hosted lists'). */
@ApiTags('credentials: status lists')
@ApiBearerAuth()
@Controller('status-lists')
export class StatusListsController {
  constructor(
    private readonly handler: StatusListCommandsHandler,
    private readonly directory: StoreStatusListDirectory,
  ) {}

  @Post()
  @Roles('registrar', 'admin')
  @ApiOperation({ summary: 'Register a signed status list credential: verified first, then kept by its id (and the URL given) with its sha-256 digest' })
  @ApiCreatedResponse({ description: '{ id: the list id, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiBadRequestResponse({ description: 'A malformed body (with pointers)' })
  @ApiUnprocessableEntityResponse({ description: 'The list credential did not verify (proof, validity, shape): the checks, nothing registered' })
  @ApiConflictResponse({ description: 'The same list content is already registered' })
  async register(@Body() body: RegisterStatusListDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    const result = await this.handler.register(body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }

  @Get('registered')
  @ReadAfterPosition('event-log')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The registered status lists (latest registration of each)' })
  @ApiOkResponse({ description: 'every registered list', schema: REGISTERED_STATUS_LISTS })
  async registered(): Promise<{ id: string; urls: string[]; digest: string; registeredAt: string; validFrom: string | null; validUntil: string | null }[]> {
    return (await this.directory.all()).map(({ id, urls, digest, registeredAt, validFrom, validUntil }) => ({ id, urls, digest, registeredAt, validFrom, validUntil }));
  }
}
