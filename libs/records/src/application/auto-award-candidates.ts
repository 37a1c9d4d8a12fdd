import { Inject, Injectable } from '@nestjs/common';
import { CommandContext, EVENT_STORE, EventStore, idFor } from '@app/event-store';
import { AccessRegistry } from '@app/platform';
import { latestDefinitionVersion } from '../domain/credential-definition.decider';
import { AutoAwardCandidate } from '../domain/learner.commands';
import { RecordsStreamReader } from './stream-reader';
import { workloadOf } from './workload-ects';

/**
 * Which credential programs a course is a component of, and the auto-award candidates of a
 * completion. The index is folded from the log's CredentialDefinitionPublished events, reading
 * the new tail on every use (a type-filtered read: cheap, and a definition published a moment ago
 * is seen: read-your-writes); each candidate's definition is then read from its own stream.
 */
@Injectable()
export class AutoAwardCandidates {
  private readonly codesByCourse = new Map<string, Set<string>>();
  private position = -1;
  private reading: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: RecordsStreamReader,
    private readonly access: AccessRegistry,
  ) {}

  private refresh(): Promise<void> {
    this.reading ??= this.readTail().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async readTail(): Promise<void> {
    for await (const event of this.store.readAll({ after: this.position, types: ['CredentialDefinitionPublished'] })) {
      this.position = event.position;
      const { code, components } = event.data;
      if (typeof code !== 'string' || !Array.isArray(components)) continue;
      for (const component of components) {
        const courseId = typeof component === 'object' && component !== null && !Array.isArray(component) ? component.courseId : null;
        if (typeof courseId !== 'string') continue;
        const codes = this.codesByCourse.get(courseId) ?? new Set<string>();
        codes.add(code);
        this.codesByCourse.set(courseId, codes);
      }
    }
  }

  /** The programs of the recording issuer, marked autoAward in their latest version, that have this course as a component. */
  async forCompletion(courseId: string, ctx: CommandContext): Promise<AutoAwardCandidate[]> {
    await this.refresh();
    const codes = [...(this.codesByCourse.get(courseId) ?? [])].sort();
    const candidates: AutoAwardCandidate[] = [];
    for (const code of codes) {
      const { definition } = await this.reader.credentialDefinition(code);
      const template = latestDefinitionVersion(definition)?.autoAward;
      if (!template || definition.issuerId !== ctx.actor.institutionId) continue;
      await this.access.refresh();
      const institution = this.access.institution(ctx.actor.institutionId);
      if (!institution) continue;
      candidates.push({
        code,
        definition,
        credentialId: idFor(ctx, `auto-award:${code}`),
        awardingBody: institution.name,
        country: institution.country,
        workload: workloadOf(template.workload.credits, template.workload.unit),
      });
    }
    return candidates;
  }
}
