import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { refuse } from '@app/kernel';
import { Command, commandResponse, CommandResponse, etagOf, HeaderResponse, ReadAfterPosition, Roles } from '@app/platform';
import { ReferenceFinding } from '../domain/definition-references';
import { PolicyCatalog } from '../application/policy-catalog';
import { ProgramCatalog } from '../application/program-catalog';
import { PublishDefinitionsHandler } from '../application/publish-definitions.handler';
import { PolicyParams, ProgramParams, ProgramVersionParams, PublishPolicyDto, PublishProgramDto } from './catalog.dto';
import { POLICY, PROGRAM, PROGRAM_VERSION, PUBLISH_ANSWER } from './catalog.responses';

const READERS = ['admin', 'issuer', 'submitter', 'registrar', 'auditor'] as const;

/** The answer to a publication: the standard write answer and the definition's forward references. */
type PublishAnswer = CommandResponse & { warnings: ReferenceFinding[] };
const REFUSED_DEFINITION =
  'The definition does not parse (code program-definition-invalid / policy-definition-invalid), or names an institution or a program that does not exist, ' +
  'or an equivalency that could never apply (code definition-references-invalid); every fault with its JSON pointer under /definition';

/** A receiving institution's catalog: program versions (catalog years) and recognition-policy versions. */
@ApiTags('transfer: catalog')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(
    private readonly publish: PublishDefinitionsHandler,
    private readonly programs: ProgramCatalog,
    private readonly policies: PolicyCatalog,
  ) {}

  @Post('programs/:programId/versions')
  @Roles('registrar')
  @ApiOperation({ summary: 'Publish a program version (catalog year); immutable once published. Registrar of the owning institution.' })
  @ApiCreatedResponse({ description: '{ id, revision, replayed, eventIds, position, warnings }; ETag = stream revision; warnings: courses the program names that are not recorded yet', schema: PUBLISH_ANSWER })
  @ApiBadRequestResponse({ description: REFUSED_DEFINITION })
  @ApiConflictResponse({ description: 'The version is already published, or If-Match is stale' })
  async publishProgram(@Param() params: ProgramParams, @Body() body: PublishProgramDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<PublishAnswer> {
    const { outcome, warnings } = await this.publish.publishProgramVersion(params.programId, body.definition, ctx, body.occurredAt);
    return { ...commandResponse(res, params.programId, outcome), warnings };
  }

  @Get('programs/:programId')
  @Roles(...READERS)
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'A program: owner and published versions' })
  @ApiOkResponse({ description: 'The program and its versions, oldest first', schema: PROGRAM })
  async program(@Param() params: ProgramParams, @Res({ passthrough: true }) res: HeaderResponse) {
    const { state, revision } = await this.programs.program(params.programId);
    res.header('ETag', etagOf(revision));
    return { programId: params.programId, institutionId: state.institutionId, versions: state.versions, revision };
  }

  @Get('programs/:programId/versions/:version')
  @Roles(...READERS)
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'One program version with its definition' })
  @ApiOkResponse({ description: 'The version and its definition as published', schema: PROGRAM_VERSION })
  async programVersion(@Param() params: ProgramVersionParams, @Res({ passthrough: true }) res: HeaderResponse) {
    const { state, revision } = await this.programs.program(params.programId);
    const summary = state.versions.find((v) => v.version === params.version);
    if (!summary) throw refuse.notFound('program-version-not-found', `program ${params.programId} has no version ${params.version}`);
    res.header('ETag', etagOf(revision));
    return { programId: params.programId, institutionId: state.institutionId, ...summary, definition: state.definitions[params.version] };
  }

  @Post('policies/:policyId/versions')
  @Roles('registrar')
  @ApiOperation({ summary: 'Publish a recognition-policy version (effective-dated; overlapping periods are refused, an open-ended latest version is superseded)' })
  @ApiCreatedResponse({ description: '{ id, revision, replayed, eventIds, position, warnings }; ETag = stream revision; warnings: courses the policy names that are not recorded yet, or that its program does not name', schema: PUBLISH_ANSWER })
  @ApiBadRequestResponse({ description: REFUSED_DEFINITION })
  @ApiConflictResponse({ description: 'Version already published, overlapping period, or stale If-Match' })
  async publishPolicy(@Param() params: PolicyParams, @Body() body: PublishPolicyDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<PublishAnswer> {
    const { outcome, warnings } = await this.publish.publishPolicyVersion(params.policyId, body.definition, ctx, body.occurredAt);
    return { ...commandResponse(res, params.policyId, outcome), warnings };
  }

  @Get('policies/:policyId')
  @Roles(...READERS)
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'A recognition policy: owner, versions with effective periods, and their definitions' })
  @ApiOkResponse({ description: 'The policy and its versions, oldest first', schema: POLICY })
  async policy(@Param() params: PolicyParams, @Res({ passthrough: true }) res: HeaderResponse) {
    const { state, revision } = await this.policies.policy(params.policyId);
    res.header('ETag', etagOf(revision));
    return {
      policyId: params.policyId,
      institutionId: state.institutionId,
      versions: state.versions.map((v) => ({ ...v, definition: state.definitions[v.version] })),
      revision,
    };
  }
}
