import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, EVENT_STORE, EventStore, runCommand } from '@app/event-store';
import { courseDecider } from '../domain/course.decider';
import { courseStream } from '../domain/streams';
import { actorOf } from './command-dates';
import { CommandResult } from './command-result';
import { CourseInput } from './records.inputs';

/** DefineCourse (POST /courses) and UpdateCourse (PUT /courses/:courseId): the acting issuer owns the course. */
@Injectable()
export class CourseCommandsHandler {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  define(courseId: string, input: CourseInput, ctx: CommandContext): Promise<CommandResult> {
    return this.run('DefineCourse', courseId, input, ctx);
  }

  update(courseId: string, input: CourseInput, ctx: CommandContext): Promise<CommandResult> {
    return this.run('UpdateCourse', courseId, input, ctx);
  }

  private async run(kind: 'DefineCourse' | 'UpdateCourse', courseId: string, input: CourseInput, ctx: CommandContext): Promise<CommandResult> {
    const course = { title: input.title, credits: input.credits, unit: input.unit, eqfLevel: input.eqfLevel, field: input.field, tags: input.tags ?? [], assessmentType: input.assessmentType };
    const outcome = await runCommand(this.store, courseDecider, courseStream(courseId), { kind, courseId, actor: actorOf(ctx), course }, ctx, { resource: { type: 'course', id: courseId } });
    return { id: courseId, outcome };
  }
}
