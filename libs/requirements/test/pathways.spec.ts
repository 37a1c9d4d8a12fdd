import { evaluateProgram, evaluateRecognition, parseProgram, parseRecognitionPolicy } from '@app/requirements';
import { policy, program } from './parsed-definitions';
import { pathwayFixtures } from '../fixtures';


describe.each(pathwayFixtures)('real pathway $key', (fixture) => {
  it('given the published program, when parsed, then it is valid', () => {
    expect(parseProgram(fixture.program).ok).toBe(true);
    if (fixture.policy) expect(parseRecognitionPolicy(fixture.policy).ok).toBe(true);
  });

  describe.each(fixture.learners)('learner "$name"', (learner) => {
    const result = () => evaluateProgram(program(fixture.program), learner.items, learner.options);

    it(`given ${learner.description}, when evaluated, then requirements ${learner.expect.requirementsSatisfied ? 'are met' : 'are not met'}`, () => {
      const r = result();
      expect(r.requirementsSatisfied).toBe(learner.expect.requirementsSatisfied);
      for (const rule of learner.expect.unsatisfiedRules ?? []) {
        expect(r.nodes.find((n) => n.id === rule)?.status).not.toBe('satisfied');
      }
      const text = r.missing.flatMap((m) => [m.message, ...(m.notes ?? [])]).join('\n');
      for (const fragment of learner.expect.missingIncludes ?? []) expect(text).toContain(fragment);
      if (learner.expect.requirementsSatisfied) expect(r.missing.filter((m) => m.rulePath !== '')).toEqual([]);
    });

    if (learner.expect.residency) {
      it(`then residency is ${learner.expect.residency}${learner.expect.pathway ? ` via ${learner.expect.pathway}` : ''}`, () => {
        const r = result();
        expect(r.residency.outcome).toBe(learner.expect.residency);
        if (learner.expect.pathway !== undefined) expect(r.residency.pathway?.id ?? null).toBe(learner.expect.pathway);
      });
    }

    it('then every claim is traceable and no item counts toward two non-shareable rules', () => {
      const r = result();
      const ids = new Set(learner.items.map((i) => i.id));
      for (const claim of r.claims) expect(ids.has(claim.itemId)).toBe(true);
      expect(r.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    });
  });

  if (fixture.policy) {
    describe.each(fixture.recognition)('recognition "$name"', (scenario) => {
      it(`given ${scenario.description}, when evaluated against the policy, then the decisions carry the expected reasons`, () => {
        const r = evaluateRecognition(policy(fixture.policy), scenario.evidence, scenario.context);
        for (const [id, want] of Object.entries(scenario.expect.decisions)) {
          const d = r.decisions.find((x) => x.evidenceId === id);
          expect(d?.decision).toBe(want.decision);
          expect(d?.reasons).toContain(want.reason);
          if (want.creditsGranted !== undefined) expect(d?.creditsGranted.exact).toBe(want.creditsGranted);
        }
      });
    });
  }
});
