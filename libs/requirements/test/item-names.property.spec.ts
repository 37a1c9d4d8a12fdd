import fc from 'fast-check';
import { pathwayFixtures } from '../fixtures';
import { evaluateProgram, LearnerItem, parseProgram, Program, ProgramEvaluation } from '../src';

/**
 * Explanations name items by title and code (issue 21 item 4): whatever part of a real pathway's
 * learner (libs/requirements/fixtures: MIT SCM blended, MIT DEDP, Harvard Extension SDS, edX 50%)
 * the engine sees, with the ids the services give it (`recognized:completion:<uuid>` for recognized
 * credit, `home:completion:<uuid>` for a course taken here, a credential's UUID), no message, note
 * or residency reason of engine 2.0.0 carries `recognized:`, `home:` or a UUID.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const INTERNAL = /\b(recognized|home):/;

const uuid = (n: number, salt: number): string => {
  const hex = (n * 7919 + salt * 104729).toString(16).padStart(12, '0').slice(-12);
  return `01a2523d-0000-7000-8000-${hex}`;
};

const programs = new Map(pathwayFixtures.map((f) => {
  const parsed = parseProgram(f.program);
  if (!parsed.ok) throw new Error(`fixture ${f.key} does not parse`);
  return [f.key, parsed.program as Program];
}));
const learners = pathwayFixtures.flatMap((f) => f.learners.map((l) => ({ key: f.key, learner: l })));

/** The learner's items under the ids the services give them, each with a title (the code is its course id). */
function asServicesGiveThem(items: readonly LearnerItem[], credentialIds: ReadonlyMap<string, string>, salt: number): LearnerItem[] {
  return items.map((it, k) => ({
    ...it,
    id: `${it.source === 'home' ? 'home' : 'recognized'}:completion:${uuid(k, salt)}`,
    ...(it.courseId !== undefined ? { title: `Course ${it.courseId}` } : {}),
    ...(it.credentials ? { credentials: it.credentials.map((c) => ({ ...c, id: credentialIds.get(c.id) ?? c.id })) } : {}),
  }));
}

function prose(e: ProgramEvaluation): string[] {
  return [
    ...e.missing.flatMap((m) => [m.message, ...(m.notes ?? [])]),
    ...e.residency.pathwaysConsidered.flatMap((p) => [...p.reasons, ...p.basis]),
    ...e.exceptions.ignored.map((x) => x.reason),
  ];
}

describe('engine explanations name items, never internal ids (property, fast-check)', () => {
  it('given any subset of a real pathway learner, with service ids, then no explanation carries an internal id or a UUID', () => {
    const arb = fc.record({
      which: fc.integer({ min: 0, max: learners.length - 1 }),
      keep: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
      salt: fc.integer({ min: 1, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(arb, ({ which, keep, salt }) => {
        const { key, learner } = learners[which];
        const held = learner.options.credentialsHeld ?? [];
        const credentialIds = new Map(held.map((h, k) => [h.id, uuid(1000 + k, salt)]));
        const items = asServicesGiveThem(learner.items.filter((_it, k) => keep[k % keep.length]), credentialIds, salt);
        const options = { ...learner.options, credentialsHeld: held.map((h) => ({ ...h, id: credentialIds.get(h.id) ?? h.id })) };
        const evaluation = evaluateProgram(programs.get(key) as Program, items, options);
        expect(prose(evaluation).filter((text) => INTERNAL.test(text) || UUID.test(text))).toEqual([]);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
