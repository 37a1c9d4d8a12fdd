import { evaluateProgram, evaluateTransfer, parseProgram, parseRecognitionPolicy, Program, RecognitionPolicy } from '@app/requirements';
import { pathwayFixtures } from '../fixtures';

/**
 * docs/engine-changes.md lists every outcome of the real-pathway fixtures that engine 2.0.0
 * decides differently from 1.1.0. This test recomputes the list with both versions side by side,
 * so the note cannot drift from what the engine does. (What `missing` says changed for every
 * unsatisfied learner by design; outcomes are results, residency and recognition decisions.)
 */
const DOCUMENTED_CHANGES = [
  'harvard-ext-data-science/recognition cap-reached: ev-686x denied [CAP_EXCEEDED] -> denied [COUNTED_IN_CREDENTIAL]',
];

function must<T>(r: { ok: true } & T | { ok: false; errors: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe('engine 2.0.0 against 1.1.0 on the real-pathway fixtures', () => {
  it('changes exactly the outcomes docs/engine-changes.md lists', () => {
    const changes: string[] = [];
    for (const f of pathwayFixtures) {
      const program: Program = must(parseProgram(f.program)).program;
      for (const l of f.learners) {
        const a = evaluateProgram(program, l.items, { ...l.options, engineVersion: '1.1.0' });
        const b = evaluateProgram(program, l.items, l.options);
        if (a.result !== b.result || a.requirementsSatisfied !== b.requirementsSatisfied) changes.push(`${f.key}/${l.name}: result ${a.result} -> ${b.result}`);
        if (a.residency.outcome !== b.residency.outcome) changes.push(`${f.key}/${l.name}: residency ${a.residency.outcome} -> ${b.residency.outcome}`);
        expect(a.engineVersion).toBe('1.1.0');
        expect(b.engineVersion).toBe('2.0.0');
      }
      if (!f.policy) continue;
      const policy: RecognitionPolicy = must(parseRecognitionPolicy(f.policy)).policy;
      for (const r of f.recognition) {
        const a = evaluateTransfer(program, policy, r.evidence, { ...r.context, engineVersion: '1.1.0' }).recognition;
        const b = evaluateTransfer(program, policy, r.evidence, r.context).recognition;
        for (const x of a.decisions) {
          const y = b.decisions.find((d) => d.evidenceId === x.evidenceId);
          if (!y) throw new Error(`no 2.0.0 decision for ${x.evidenceId}`);
          if (x.decision !== y.decision || x.creditsGranted.exact !== y.creditsGranted.exact || x.reasons.join() !== y.reasons.join()) {
            changes.push(`${f.key}/recognition ${r.name}: ${x.evidenceId} ${x.decision} [${x.reasons.join(', ')}] -> ${y.decision} [${y.reasons.join(', ')}]`);
          }
        }
      }
    }
    expect(changes).toEqual(DOCUMENTED_CHANGES);
  });
});
