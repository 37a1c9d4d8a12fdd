import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, loadAggregate } from '@app/event-store';
import { AccessRegistry } from '@app/platform';
import { courseDecider, courseStream } from '@app/records';
import { parseStoredProgram, parseStoredRecognitionPolicy, Program, RecognitionPolicy } from '@app/requirements';
import { DefinitionReference, judgeReferences, KnownReferences, policyReferences, programReferences, ReferenceReport } from '../domain/definition-references';
import { PolicyVersionPublished } from '../domain/policy.events';
import { ProgramVersionPublished } from '../domain/program.events';
import { ProgramCatalog } from './program-catalog';

const PROGRAM_PUBLISHED: ProgramVersionPublished['type'] = 'ProgramVersionPublished';
const POLICY_PUBLISHED: PolicyVersionPublished['type'] = 'PolicyVersionPublished';

/**
 * Looks up what a definition about to be published names (registered institutions, courses in
 * records, published programs, the courses the institution's programs and policies name) and
 * judges each reference (domain/definition-references.ts). Publications are rare: the institution's
 * other definitions are read from the log, filtered by event type, at each one.
 */
@Injectable()
export class DefinitionReferencesReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AccessRegistry,
    private readonly programs: ProgramCatalog,
  ) {}

  async checkProgram(program: Program, owner: string): Promise<ReferenceReport> {
    const refs = programReferences(program);
    const grantedCourses = new Set<string>();
    for (const policy of await this.published(POLICY_PUBLISHED, owner)) {
      const parsed = parseStoredRecognitionPolicy(policy);
      if (parsed.ok) for (const ref of policyReferences(parsed.policy)) if (ref.kind === 'granted-course') grantedCourses.add(ref.id);
    }
    return judgeReferences(refs, { ...(await this.lookUp(refs)), programCourses: new Set(), grantedCourses }, owner);
  }

  async checkPolicy(policy: RecognitionPolicy, owner: string): Promise<ReferenceReport> {
    const refs = policyReferences(policy);
    const definitions = policy.programId !== undefined ? Object.values((await this.programs.load(policy.programId)).state.definitions) : await this.published(PROGRAM_PUBLISHED, owner);
    const programCourses = new Set<string>();
    for (const definition of definitions) {
      const parsed = parseStoredProgram(definition);
      if (parsed.ok) for (const ref of programReferences(parsed.program)) if (ref.kind === 'program-course') programCourses.add(ref.id);
    }
    return judgeReferences(refs, { ...(await this.lookUp(refs)), programCourses, grantedCourses: new Set() }, owner, policy.acceptedIssuers);
  }

  private async lookUp(refs: DefinitionReference[]): Promise<Omit<KnownReferences, 'programCourses' | 'grantedCourses'>> {
    await this.access.refresh();
    const institutions = new Set(Object.keys(this.access.current.institutions));
    const courses = new Map<string, { issuerId: string }>();
    const programs = new Map<string, { institutionId: string }>();
    for (const id of new Set(refs.filter((r) => r.kind === 'program-course' || r.kind === 'external-course').map((r) => r.id))) {
      const { state } = await loadAggregate(this.store, courseDecider, courseStream(id));
      if (state) courses.set(id, { issuerId: state.issuerId });
    }
    for (const id of new Set(refs.filter((r) => r.kind === 'program').map((r) => r.id))) {
      const { state } = await this.programs.load(id);
      if (state.institutionId !== null) programs.set(id, { institutionId: state.institutionId });
    }
    return { institutions, courses, programs };
  }

  /** The definitions of every version of this type that the institution published. */
  private async published(type: string, institutionId: string): Promise<unknown[]> {
    const out: unknown[] = [];
    for await (const e of this.store.readAll({ types: [type], batchSize: 1000 })) {
      const d = e.data as { institutionId?: unknown; definition?: unknown };
      if (d.institutionId === institutionId) out.push(d.definition);
    }
    return out;
  }
}
