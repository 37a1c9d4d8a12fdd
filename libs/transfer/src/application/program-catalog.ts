import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, loadAggregate } from '@app/event-store';
import { refuse } from '@app/kernel';
import { childrenOf, parseStoredProgram, Program, RequirementNode } from '@app/requirements';
import { latestProgramVersion, programDecider, ProgramState } from '../domain/program.decider';
import { programStream } from '../domain/transfer.streams';

export interface ProgramVersionRef {
  programId: string;
  version: string;
  institutionId: string;
  program: Program;
}

/** Reads program streams: versions, one version's definition, its rule paths. */
@Injectable()
export class ProgramCatalog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  load(programId: string): Promise<{ state: ProgramState; revision: number | null }> {
    return loadAggregate(this.store, programDecider, programStream(programId));
  }

  /** The program as published; 404 when unknown. */
  async program(programId: string): Promise<{ state: ProgramState; revision: number }> {
    const { state, revision } = await this.load(programId);
    if (revision === null || state.institutionId === null) throw refuse.notFound('program-not-found', `program ${programId} is not published`);
    return { state, revision };
  }

  /** One version ("latest" = the last published); 404 for an unknown program or version. */
  async version(programId: string, version: string): Promise<ProgramVersionRef & { revision: number }> {
    const { state, revision } = await this.program(programId);
    const wanted = version === 'latest' ? latestProgramVersion(state) : version;
    const definition = wanted === null || !Object.hasOwn(state.definitions, wanted) ? undefined : state.definitions[wanted];
    if (wanted === null || !definition) throw refuse.notFound('program-version-not-found', `program ${programId} has no version ${version}`);
    const parsed = parseStoredProgram(definition);
    if (!parsed.ok) throw new Error(`stored program ${programId}@${wanted} no longer parses: ${parsed.errors[0].path} ${parsed.errors[0].message}`);
    return { programId, version: wanted, institutionId: state.institutionId ?? '', program: parsed.program, revision };
  }
}

/** Rule paths of a program (ids from the root joined by "/"), the keys exceptions use. */
export function rulePathsOf(program: Program): string[] {
  const out: string[] = [];
  const walk = (node: RequirementNode, prefix: string) => {
    const path = prefix ? `${prefix}/${node.id}` : node.id;
    out.push(path);
    childrenOf(node).forEach((child) => walk(child, path));
  };
  walk(program.requirements, '');
  return out;
}
