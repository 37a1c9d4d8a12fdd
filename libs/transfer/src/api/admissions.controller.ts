import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { Command, COMMAND_RESPONSE, commandResponse, CommandResponse, HeaderResponse, Roles } from '@app/platform';
import { PublishDefinitionsHandler } from '../application/publish-definitions.handler';
import { AdmitLearnerDto } from './catalog.dto';


/** The admission gate: a receiving registrar admits a learner to one of its programs. */
@ApiTags('transfer: admissions')
@ApiBearerAuth()
@Controller('admissions')
export class AdmissionsController {
  constructor(private readonly handler: PublishDefinitionsHandler) {}

  @Post()
  @Roles('registrar')
  @ApiOperation({ summary: 'Admit a learner to a program of your institution (id = the admission stream)' })
  @ApiCreatedResponse({ description: '{ id, revision, replayed, eventIds, position }', schema: COMMAND_RESPONSE })
  async admit(@Body() body: AdmitLearnerDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    const { id, outcome } = await this.handler.admitLearner(body, ctx);
    return commandResponse(res, id, outcome);
  }
}
