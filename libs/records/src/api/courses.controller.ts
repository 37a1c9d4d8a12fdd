import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandContext } from '@app/event-store';
import { refuse } from '@app/kernel';
import { Command, COMMAND_RESPONSE, CommandResponse, commandResponse, etagOf, HeaderResponse, ReadAfterPosition, Roles } from '@app/platform';
import { CourseCommandsHandler } from '../application/course-commands.handler';
import { RecordsStreamReader } from '../application/stream-reader';
import { CourseDefinition } from '../domain/course.events';
import { CourseParams, DefineCourseDto, UpdateCourseDto } from './course.dto';
import { COURSE } from './records.responses';


/** Courses: an issuer defines its own; only the owner changes one. */
@ApiTags('records: courses')
@ApiBearerAuth()
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly courses: CourseCommandsHandler,
    private readonly reader: RecordsStreamReader,
  ) {}

  @Post()
  @Roles('issuer')
  @ApiOperation({ summary: 'Define a course of your institution (credits + unit, EQF level, field, tags, default assessment type)' })
  @ApiCreatedResponse({ description: '{ id, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiConflictResponse({ description: 'The course id is already defined' })
  async define(@Body() body: DefineCourseDto, @Command() ctx: CommandContext, @Res({ passthrough: true }) res: HeaderResponse): Promise<CommandResponse> {
    const { courseId, ...course } = body;
    const result = await this.courses.define(courseId, course, ctx);
    return commandResponse(res, result.id, result.outcome);
  }

  @Put(':courseId')
  @HttpCode(200)
  @Roles('issuer')
  @ApiOperation({ summary: 'Replace the definition of one of your courses (nothing is stored when nothing changes)' })
  @ApiOkResponse({ description: '{ id, revision, replayed, eventIds, position } and an ETag', schema: COMMAND_RESPONSE })
  @ApiForbiddenResponse({ description: 'The course belongs to another issuer' })
  @ApiNotFoundResponse({ description: 'Unknown course' })
  async update(
    @Param() params: CourseParams,
    @Body() body: UpdateCourseDto,
    @Command() ctx: CommandContext,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<CommandResponse> {
    const result = await this.courses.update(params.courseId, body, ctx);
    return commandResponse(res, result.id, result.outcome);
  }

  @Get(':courseId')
  @Roles('issuer', 'submitter', 'registrar', 'auditor')
  @ReadAfterPosition('event-log')
  @ApiOperation({ summary: 'A course as currently defined; ETag = its stream revision' })
  @ApiOkResponse({ description: 'The course definition and its revision', schema: COURSE })
  @ApiNotFoundResponse({ description: 'Unknown course' })
  async get(@Param() params: CourseParams, @Res({ passthrough: true }) res: HeaderResponse): Promise<CourseDefinition & { revision: number }> {
    const { course, revision } = await this.reader.course(params.courseId);
    if (!course || revision === null) throw refuse.notFound('course-not-found', `course ${params.courseId} is not defined`);
    res.header('ETag', etagOf(revision));
    return { ...course, revision };
  }
}
