import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { refuse } from '@app/kernel';
import { AccessRegistry } from '@app/platform';
import { effectiveVersionAmong, inEffectOn } from '@app/transfer';
import { EligibilityInputsLoader } from '../eligibility/eligibility-inputs.loader';
import { PolicyVersionRow, ProgramRow, ProgramVersionRow } from '../read-model/entities';
import { PROJECTION_POSITION, ProjectionPosition, READ_MODEL_READER } from '../read-model/read-model.tokens';

export interface CatalogProgramVersion {
  version: string;
  title: string | null;
  creditUnit: string;
  totalCredits: string;
  publishedOn: string;
  /** Global position of the event that published it. */
  position: number;
}

export interface CatalogProgram {
  programId: string;
  latestVersion: string;
  /**
   * The policy version a request submitted on `on` would be evaluated under (a policy scoped to
   * the program wins over an institution-wide one; the transfer service chooses the same way),
   * or null when none is in effect (a submission would be refused).
   */
  policyInEffect: { policyId: string; version: string } | null;
  /** Oldest first. */
  versions: CatalogProgramVersion[];
}

export interface CatalogPolicyVersion {
  version: string;
  /** The program it is scoped to; null: every program of the institution. */
  programId: string | null;
  effectiveFrom: string;
  /** Exclusive; null: open-ended (a later version closes it). */
  effectiveTo: string | null;
  /** Whether `on` falls in [effectiveFrom, effectiveTo). */
  inEffect: boolean;
  conversionTableId: string;
  publishedOn: string;
  position: number;
}

export interface CatalogPolicy {
  policyId: string;
  /** Oldest first. */
  versions: CatalogPolicyVersion[];
}

export interface Catalog {
  institutionId: string;
  /** The date `inEffect` refers to. */
  on: string;
  upToPosition: number;
  programs: CatalogProgram[];
  policies: CatalogPolicy[];
}

/**
 * A receiving institution's published catalog, from the read models: its programs with every
 * version, and its recognition policies with every version's scope and effective period. Published
 * definitions are public to every authenticated caller (as GET /programs/{id} and /policies/{id}
 * are): a submitting university finds here which programs it can submit toward and which policy
 * is in effect.
 */
@Injectable()
export class CatalogQuery {
  constructor(
    @Inject(READ_MODEL_READER) private readonly db: DataSource,
    @Inject(PROJECTION_POSITION) private readonly position: ProjectionPosition,
    private readonly access: AccessRegistry,
  ) {}

  async catalog(institutionId: string, on: string = new Date().toISOString().slice(0, 10)): Promise<Catalog> {
    if (!this.access.institution(institutionId)) await this.access.refresh();
    if (!this.access.institution(institutionId)) throw refuse.notFound('institution-not-found', `institution ${institutionId} is not registered`);
    const upToPosition = await this.position.current();
    // PostgreSQL: one REPEATABLE READ transaction (its own pooled connection), so a projector commit
    // between the reads cannot mix two states in one answer. SQLite: the reader is ONE connection
    // shared by every request, on which TypeORM nests concurrent transactions as savepoints of each
    // other, so no transaction; the reads follow each other within a millisecond.
    if (this.db.options.type === 'postgres') return this.db.transaction('REPEATABLE READ', (manager) => this.read(manager, institutionId, on, upToPosition));
    return this.read(this.db.manager, institutionId, on, upToPosition);
  }

  private async read(manager: EntityManager, institutionId: string, on: string, upToPosition: number): Promise<Catalog> {
    const programs = await manager.find(ProgramRow, { select: { programId: true, latestVersion: true }, where: { institutionId }, order: { programId: 'ASC' } });
    const programVersions = await manager.find(ProgramVersionRow, { where: { institutionId }, order: { programId: 'ASC', position: 'ASC' } });
    const policyVersions = await manager.find(PolicyVersionRow, { where: { institutionId }, order: { policyId: 'ASC', position: 'ASC' } });
    const { published } = await new EligibilityInputsLoader(manager).institutionPolicies(institutionId);
    const inEffect = (programId: string) => {
      const chosen = effectiveVersionAmong(published, programId, on);
      return chosen ? { policyId: chosen.published.policyId, version: chosen.summary.version } : null;
    };
    return {
      institutionId,
      on,
      upToPosition,
      programs: programs.map((p) => ({
        programId: p.programId,
        latestVersion: p.latestVersion,
        policyInEffect: inEffect(p.programId),
        versions: programVersions.filter((v) => v.programId === p.programId).map(({ programId: _p, institutionId: _i, ...v }) => v),
      })),
      policies: groupBy(policyVersions, (v) => v.policyId).map(([policyId, versions]) => ({
        policyId,
        versions: versions.map(({ policyId: _p, institutionId: _i, ...v }) => ({ ...v, inEffect: inEffectOn(v, on) })),
      })),
    };
  }
}

/** Runs of equal keys in an already sorted list. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups: [string, T[]][] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = groups.at(-1);
    if (last && last[0] === key) last[1].push(item);
    else groups.push([key, [item]]);
  }
  return groups;
}
