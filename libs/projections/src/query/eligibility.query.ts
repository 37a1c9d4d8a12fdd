import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { refuse } from '@app/kernel';
import { ENGINE_VERSION } from '@app/requirements';
import { Principal } from '@app/platform';
import { EligibilityAnswer, EvaluatedEligibility } from '../eligibility/eligibility-answer';
import { EligibilityInputsLoader, eligibilityInputsOf, LoadedEligibility } from '../eligibility/eligibility-inputs.loader';
import { evaluateEligibility } from '../eligibility/evaluate-eligibility';
import { ProgramRow, ProgressRow } from '../read-model/entities';
import { PROJECTION_POSITION, ProjectionPosition, READ_MODEL_READER } from '../read-model/read-model.tokens';
import { findColumnsWhere, findOneWhere } from '../runtime/bulk-read';
import { institutionInScope, outOfScope } from './read-scope';
import { applyWhatIf, WhatIfChanges } from './what-if';

const today = (): string => new Date().toISOString().slice(0, 10);

const ITEM_ID = /^(completion|credential):/;

/** Every item of a stored answer is spelled `completion:<id>` / `credential:<id>` (rows stored before named them by the bare id). */
const spelledAsToday = (stored: EvaluatedEligibility): boolean => [...stored.recognized, ...stored.home].every((e) => ITEM_ID.test(e.itemId));

/**
 * Eligibility of a learner for a program: from the progress row when it is evaluated as of the
 * date asked (by default today), otherwise evaluated live from the same read models with the same
 * function. What-if evaluates live with hypothetical changes and writes nothing.
 */
@Injectable()
export class EligibilityQuery {
  constructor(
    @Inject(READ_MODEL_READER) private readonly db: DataSource,
    @Inject(PROJECTION_POSITION) private readonly position: ProjectionPosition,
  ) {}

  async eligibility(principal: Principal, learnerId: string, programId: string, on: string = today()): Promise<EligibilityAnswer> {
    await this.authorize(principal, programId);
    const upToPosition = await this.position.current();
    const row = await findOneWhere(this.db.manager, ProgressRow, { learnerId, programId });
    if (row?.answer && row.status === 'evaluated' && row.referenceDate === on) {
      const stored = JSON.parse(row.answer) as EvaluatedEligibility;
      // A row evaluated by another engine version, or stored before items were spelled `completion:<id>` (upgraded since, not rebuilt yet), is evaluated anew.
      if (stored.engineVersion === ENGINE_VERSION && spelledAsToday(stored)) return { ...stored, source: 'projection', upToPosition };
    }
    const loaded = await this.load(learnerId, programId);
    return { ...evaluateEligibility(eligibilityInputsOf(loaded, on)), source: 'live', upToPosition };
  }

  async whatIf(principal: Principal, changes: WhatIfChanges): Promise<EligibilityAnswer> {
    await this.authorize(principal, changes.programId);
    const upToPosition = await this.position.current();
    const loader = new EligibilityInputsLoader(this.db.manager);
    const loaded = await this.load(changes.learnerId, changes.programId, loader, changes.programVersion);
    const on = changes.on ?? today();
    const inputs = await applyWhatIf(eligibilityInputsOf(loaded, on), changes, loader);
    return { ...evaluateEligibility(inputs), source: 'what-if', upToPosition };
  }

  private async authorize(principal: Principal, programId: string): Promise<void> {
    const program = await findColumnsWhere(this.db.manager, ProgramRow, { programId }, ['institutionId']);
    if (!program) throw refuse.notFound('program-not-found', `program ${programId} is not published (or not projected yet)`);
    institutionInScope(principal, principal.role === 'auditor' ? program.institutionId : undefined);
    if (principal.role === 'registrar' && program.institutionId !== principal.institutionId) {
      throw outOfScope(`program ${programId} belongs to ${program.institutionId}: a registrar of ${principal.institutionId} reads only its own institution's eligibility`);
    }
  }

  private async load(learnerId: string, programId: string, loader = new EligibilityInputsLoader(this.db.manager), version?: string): Promise<LoadedEligibility> {
    const result = await loader.load(learnerId, programId, version);
    if (result.ok) return result.loaded;
    if (result.missing === 'learner') throw refuse.notFound('learner-not-found', `learner ${learnerId} is not registered (or not projected yet)`);
    if (result.missing === 'version') throw refuse.notFound('program-version-not-found', `program ${programId} has no version ${version}`);
    throw refuse.notFound('program-not-found', `program ${programId} is not published (or not projected yet)`);
  }
}
