import fc from 'fast-check';
import { LearnerItem, Program, RequirementNode } from '@app/requirements';

/** Small random programs and item sets for property tests against brute-force enumeration. */
type Shape =
  | { t: 'course'; course: string }
  | { t: 'count'; n: number; field?: string; observe: boolean }
  | { t: 'credits'; credits: string; field?: string; source?: 'home' | 'transfer' }
  | { t: 'allOf' | 'anyOf'; ch: Shape[] }
  | { t: 'nOf'; n: number; ch: Shape[] };

const field = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined });

const shapes = fc.letrec<{ node: Shape; leaf: Shape; group: Shape }>((tie) => ({
  node: fc.oneof({ maxDepth: 2, depthIdentifier: 'tree' }, tie('leaf'), tie('group')),
  leaf: fc.oneof(
    fc.record({ t: fc.constant('course' as const), course: fc.constantFrom('C1', 'C2', 'C3') }),
    fc.record({ t: fc.constant('count' as const), n: fc.integer({ min: 1, max: 3 }), field, observe: fc.boolean() }),
    fc.record({ t: fc.constant('credits' as const), credits: fc.constantFrom('1', '2', '3', '4', '5/2', '4/3'), field, source: fc.option(fc.constantFrom('home' as const, 'transfer' as const), { nil: undefined }) }),
  ),
  group: fc.oneof(
    fc.record({ t: fc.constantFrom('allOf' as const, 'anyOf' as const), ch: fc.array(tie('node'), { minLength: 1, maxLength: 3, depthIdentifier: 'tree' }) }),
    fc.record({ t: fc.constant('nOf' as const), n: fc.integer({ min: 0, max: 3 }), ch: fc.array(tie('node'), { minLength: 1, maxLength: 3, depthIdentifier: 'tree' }) }),
  ),
}));

function leafCount(s: Shape): number {
  return 'ch' in s ? s.ch.reduce((a, c) => a + leafCount(c), 0) : 1;
}

function toNode(s: Shape, ids: { next: number }, leafIds: string[]): RequirementNode {
  const id = `r${ids.next++}`;
  switch (s.t) {
    case 'course':
      leafIds.push(id);
      return { id, course: s.course };
    case 'count':
      leafIds.push(id);
      return { id, count: s.n, ...(s.field ? { filter: { fields: [s.field] } } : {}), ...(s.observe ? { observe: true } : {}) };
    case 'credits': {
      leafIds.push(id);
      const filter = { ...(s.field ? { fields: [s.field] } : {}), ...(s.source ? { source: s.source } : {}) };
      return { id, credits: s.credits, ...(Object.keys(filter).length ? { filter } : {}) };
    }
    case 'allOf':
      return { id, allOf: s.ch.map((c) => toNode(c, ids, leafIds)) };
    case 'anyOf':
      return { id, anyOf: s.ch.map((c) => toNode(c, ids, leafIds)) };
    case 'nOf':
      return { id, nOf: Math.min(s.n, s.ch.length), of: s.ch.map((c) => toNode(c, ids, leafIds)) };
  }
}

const itemArb = fc.record({
  credits: fc.constantFrom('1', '2', '3', '1.5', '4/3', '0.5'),
  unit: fc.constantFrom('ECTS', 'US_SEMESTER', 'UK_CATS'),
  field: fc.constantFrom('a', 'b', 'c'),
  source: fc.constantFrom('home' as const, 'transfer' as const),
  courseId: fc.option(fc.constantFrom('C1', 'C2', 'C3'), { nil: undefined }),
});

const limitArb = fc.option(
  fc.oneof(
    fc.record({ maxCredits: fc.constantFrom('2', '3', '9/2'), filter: fc.constant({ source: 'transfer' as 'home' | 'transfer' }) }),
    fc.record({ maxItems: fc.integer({ min: 0, max: 2 }), filter: fc.constant({ fields: ['a'] as string[] }) }),
  ),
  { nil: undefined },
);

export interface RandomCase {
  program: Program;
  items: LearnerItem[];
}

export const randomCase: fc.Arbitrary<RandomCase> = fc
  .record({
    shapes: fc.array(shapes.node, { minLength: 2, maxLength: 4 }).filter((list) => list.reduce((a, s) => a + leafCount(s), 0) <= 6),
    items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
    limit: limitArb,
    share: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
  })
  .map(({ shapes: list, items, limit, share }) => {
    const leafIds: string[] = [];
    const ids = { next: 0 };
    const root: RequirementNode = { id: 'root', allOf: list.map((shape) => toNode(shape, ids, leafIds)), ...(limit ? { limits: [limit] } : {}) };
    const shareable: [string, string][] = [];
    if (share && leafIds.length >= 2) {
      const a = leafIds[share[0] % leafIds.length];
      const b = leafIds[share[1] % leafIds.length];
      if (a !== b) shareable.push([a, b]);
    }
    const program: Program = { id: 'random', version: '1', creditUnit: 'ECTS', totalCredits: 1, requirements: root, ...(shareable.length ? { shareable } : {}) };
    const learnerItems: LearnerItem[] = items.map((it, k) => ({ id: `i${k}`, date: '2026-01-01', ...it }));
    return { program, items: learnerItems };
  });
