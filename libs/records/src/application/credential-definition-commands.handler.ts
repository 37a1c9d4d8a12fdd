import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, commandDate, EVENT_STORE, EventStore, runCommand } from '@app/event-store';
import { CourseDefinition } from '../domain/course.events';
import { credentialDefinitionDecider } from '../domain/credential-definition.decider';
import { credentialDefinitionStream } from '../domain/streams';
import { actorOf } from './command-dates';
import { CommandResult } from './command-result';
import { CredentialDefinitionInput } from './records.inputs';
import { RecordsStreamReader } from './stream-reader';

/**
 * PublishCredentialDefinitionVersion (POST /credential-definitions/:code/versions): the handler
 * reads each component course's current definition, the decider checks they are the issuer's.
 */
@Injectable()
export class CredentialDefinitionCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: RecordsStreamReader,
  ) {}

  async publish(code: string, input: CredentialDefinitionInput, ctx: CommandContext): Promise<CommandResult> {
    const courses = new Map<string, CourseDefinition | null>();
    for (const { courseId } of input.components) if (!courses.has(courseId)) courses.set(courseId, (await this.reader.course(courseId)).course);
    const command = {
      kind: 'PublishCredentialDefinitionVersion' as const,
      code,
      actor: actorOf(ctx),
      version: input.version,
      title: input.title,
      type: input.type,
      components: input.components.map((c) => ({ courseId: c.courseId, minGrade: c.minGrade ?? null })),
      courses,
      publishedOn: commandDate(ctx),
      autoAward: input.autoAward ?? null,
    };
    const outcome = await runCommand(this.store, credentialDefinitionDecider, credentialDefinitionStream(code), command, ctx, { resource: { type: 'credential definition', id: code } });
    return { id: code, outcome };
  }
}
