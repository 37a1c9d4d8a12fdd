import { Decider, Json, refuse } from '@app/kernel';
import { parseProgram } from '@app/requirements';
import { ActorRef, assertDate, assertRegistrarOf } from './actor';
import { ProgramEvent } from './program.events';

export interface PublishProgramVersion {
  kind: 'PublishProgramVersion';
  actor: ActorRef;
  programId: string;
  /** The program document (the engine's JSON); its `id` must be the program id; its `version` is a catalog year (the schema's CATALOG_YEAR_PATTERN). */
  definition: unknown;
  publishedOn: string;
}
export type ProgramCommand = PublishProgramVersion;

export interface ProgramVersionSummary {
  version: string;
  title: string | null;
  creditUnit: string;
  totalCredits: string;
  publishedOn: string;
}

export interface ProgramState {
  programId: string | null;
  institutionId: string | null;
  versions: ProgramVersionSummary[];
  definitions: Record<string, { [key: string]: Json }>;
}

/**
 * Program versions are immutable once published: publishing the same version again is a
 * conflict (409) whatever its content. Only a registrar of the owning institution publishes;
 * the first version makes the publisher's institution the owner.
 */
export const programDecider: Decider<ProgramCommand, ProgramState, ProgramEvent> = {
  initialState: { programId: null, institutionId: null, versions: [], definitions: {} },

  decide(command, state) {
    const owner = state.institutionId ?? command.actor.institutionId;
    assertRegistrarOf(command.actor, owner, `publish versions of program ${command.programId}`);
    assertDate(command.publishedOn, '/publishedOn');
    const parsed = parseProgram(command.definition);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      throw refuse.invalid('program-definition-invalid', `program definition is invalid: ${first.path} ${first.message}`, `/definition${first.path}`);
    }
    const program = parsed.program;
    if (program.id !== command.programId) {
      throw refuse.invalid('program-id-mismatch', `definition id "${program.id}" is not the program id "${command.programId}"`, '/definition/id');
    }
    if (Object.hasOwn(state.definitions, program.version)) {
      throw refuse.conflict('program-version-exists', `program ${command.programId} version ${program.version} is already published and immutable`);
    }
    return [
      {
        type: 'ProgramVersionPublished',
        data: {
          programId: command.programId,
          version: program.version,
          institutionId: owner,
          title: program.title ?? null,
          creditUnit: program.creditUnit,
          totalCredits: String(program.totalCredits),
          definition: JSON.parse(JSON.stringify(program)) as { [key: string]: Json },
          publishedOn: command.publishedOn,
        },
      },
    ];
  },

  evolve(state, event) {
    const d = event.data;
    const summary: ProgramVersionSummary = { version: d.version, title: d.title, creditUnit: d.creditUnit, totalCredits: d.totalCredits, publishedOn: d.publishedOn };
    return {
      programId: d.programId,
      institutionId: state.institutionId ?? d.institutionId,
      versions: [...state.versions, summary],
      definitions: { ...state.definitions, [d.version]: d.definition },
    };
  },
};

/** The version published last (the "latest" a request may ask for), or null. */
export const latestProgramVersion = (state: ProgramState): string | null => state.versions.at(-1)?.version ?? null;
