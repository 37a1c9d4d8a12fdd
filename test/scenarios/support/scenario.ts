import { EvidenceChange, describeEvidenceChange } from './evidence-change';
import { CaseRun, LearnerCase, runCase, Target } from './learner-case';
import { expectLedgerAgrees, expectProgramAnswer, expectProposals, expectRecognized, ProgramExpectation } from './registrar-answer';
import { InstitutionDef, ScenarioWorld } from './world';

/**
 * The frame of a scenario file: one standalone app, the institutions provisioned and the
 * receiving institution's catalog published before the learners; each learner is its own
 * `describe` whose four tests state the registrar-level answer from four angles.
 */
export interface ScenarioSetup {
  institutions: InstitutionDef[];
  /** Runs once the institutions exist: define courses, publish program and policy. */
  prepare(world: ScenarioWorld): Promise<void>;
}

export function scenarioWorld(setup: ScenarioSetup): () => ScenarioWorld {
  let world: ScenarioWorld | undefined;
  beforeAll(async () => {
    world = await ScenarioWorld.start({ PROJECTOR_THREAD: 'main' });
    await world.institutions(setup.institutions);
    await setup.prepare(world);
  }, 60_000);
  afterAll(() => world?.close());
  return () => {
    if (!world) throw new Error('the scenario app did not start');
    return world;
  };
}

export interface LearnerScenario extends LearnerCase {
  program: ProgramExpectation;
  then?: EvidenceChange;
}

export function describeLearner(title: string, world: () => ScenarioWorld, target: Target, c: LearnerScenario): void {
  describe(title, () => {
    let run: CaseRun | undefined;
    const ran = (): CaseRun => {
      if (!run) throw new Error('the learner flow did not complete (see the first failure of this group)');
      return run;
    };
    beforeAll(async () => {
      run = await runCase(world(), target, c);
    }, 30_000);
    it('the automatic proposal is what the published policy implies', () => expectProposals(ran(), c));
    it('eligibility reports each piece of evidence with its registrar-level outcome', () => expectRecognized(ran(), c));
    it('eligibility gives the registrar-level program answer (credits, requirements, missing, residency)', () => expectProgramAnswer(ran().eligibility, c.program));
    it('the ledger holds the decisions and agrees with eligibility', () => expectLedgerAgrees(ran(), c, c.program.credits));
    if (c.then) describeEvidenceChange(world, target, ran, c.then);
  });
}
