import fc from 'fast-check';
import { LearnerItem, NodeLimit, Program, RequirementNode } from '@app/requirements';

/**
 * Small random programs and item sets for property tests against the independent reference:
 * limits on any node (credits, items, fraction of the total), observing count and credit checks,
 * shareable pairs between any two rules (combinators too), a degree total that root caps can bind,
 * and rules that ask for proctored or identity-verified assessment (items that say, or do not).
 */
type Limit = NodeLimit | undefined;
type Shape =
  | { t: 'course'; course: string; limit: Limit }
  | { t: 'count'; n: number; field?: string; assessed?: Assessed; observe: boolean; limit: Limit }
  | { t: 'credits'; credits: string; field?: string; source?: 'home' | 'transfer'; assessed?: Assessed; observe: boolean; limit: Limit }
  | { t: 'allOf' | 'anyOf'; ch: Shape[]; limit: Limit }
  | { t: 'nOf'; n: number; ch: Shape[]; limit: Limit };

const field = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined });
/** How a rule wants its items assessed (the filter keys `assessmentTypes` and `identityVerified`); mostly not at all. */
type Assessed = 'proctored' | 'verified' | 'both';
const assessed = fc.option(fc.constantFrom<Assessed>('proctored', 'verified', 'both'), { nil: undefined, freq: 3 });
const assessedFilter = (a: Assessed | undefined) => ({
  ...(a === 'proctored' || a === 'both' ? { assessmentTypes: ['proctored-exam'] } : {}),
  ...(a === 'verified' || a === 'both' ? { identityVerified: true } : {}),
});

const limitArb: fc.Arbitrary<Limit> = fc.option(
  fc.oneof(
    fc.record({ maxCredits: fc.constantFrom('2', '3', '9/2'), filter: fc.constant({ source: 'transfer' as 'home' | 'transfer' }) }),
    fc.record({ maxItems: fc.integer({ min: 0, max: 2 }), filter: fc.constant({ fields: ['a'] as string[] }) }),
    fc.record({ maxFraction: fc.constantFrom('1/2', '1/3'), filter: fc.constant({ source: 'transfer' as 'home' | 'transfer' }) }),
    fc.record({ maxItems: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ maxItems: fc.integer({ min: 0, max: 2 }), filter: fc.constant({ source: 'transfer' as 'home' | 'transfer' }) }),
  ),
  { nil: undefined, freq: 3 },
);
const innerLimit = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: limitArb });

const shapes = fc.letrec<{ node: Shape; leaf: Shape; group: Shape }>((tie) => ({
  node: fc.oneof({ maxDepth: 2, depthIdentifier: 'tree' }, tie('leaf'), tie('group')),
  leaf: fc.oneof(
    fc.record({ t: fc.constant('course' as const), course: fc.constantFrom('C1', 'C2', 'C3'), limit: innerLimit }),
    fc.record({ t: fc.constant('count' as const), n: fc.integer({ min: 1, max: 3 }), field, assessed, observe: fc.boolean(), limit: innerLimit }),
    fc.record({
      t: fc.constant('credits' as const), credits: fc.constantFrom('1', '2', '3', '4', '5/2', '4/3'), field, assessed,
      source: fc.option(fc.constantFrom('home' as const, 'transfer' as const), { nil: undefined }), observe: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), limit: innerLimit,
    }),
  ),
  group: fc.oneof(
    fc.record({ t: fc.constantFrom('allOf' as const, 'anyOf' as const), ch: fc.array(tie('node'), { minLength: 1, maxLength: 3, depthIdentifier: 'tree' }), limit: innerLimit }),
    fc.record({ t: fc.constant('nOf' as const), n: fc.integer({ min: 0, max: 3 }), ch: fc.array(tie('node'), { minLength: 1, maxLength: 3, depthIdentifier: 'tree' }), limit: innerLimit }),
  ),
}));

function leafCount(s: Shape): number {
  return 'ch' in s ? s.ch.reduce((a, c) => a + leafCount(c), 0) : 1;
}

function toNode(s: Shape, ids: { next: number }, allIds: string[]): RequirementNode {
  const id = `r${ids.next++}`;
  allIds.push(id);
  const limits = s.limit ? { limits: [s.limit] } : {};
  switch (s.t) {
    case 'course':
      return { id, course: s.course, ...limits };
    case 'count': {
      const filter = { ...(s.field ? { fields: [s.field] } : {}), ...assessedFilter(s.assessed) };
      return { id, count: s.n, ...(Object.keys(filter).length ? { filter } : {}), ...(s.observe ? { observe: true } : {}), ...limits };
    }
    case 'credits': {
      const filter = { ...(s.field ? { fields: [s.field] } : {}), ...(s.source ? { source: s.source } : {}), ...assessedFilter(s.assessed) };
      return { id, credits: s.credits, ...(Object.keys(filter).length ? { filter } : {}), ...(s.observe ? { observe: true } : {}), ...limits };
    }
    case 'allOf':
      return { id, allOf: s.ch.map((c) => toNode(c, ids, allIds)), ...limits };
    case 'anyOf':
      return { id, anyOf: s.ch.map((c) => toNode(c, ids, allIds)), ...limits };
    case 'nOf':
      return { id, nOf: Math.min(s.n, s.ch.length), of: s.ch.map((c) => toNode(c, ids, allIds)), ...limits };
  }
}

const itemArb = fc.record({
  credits: fc.constantFrom('1', '2', '3', '1.5', '4/3', '0.5', '5'),
  unit: fc.constantFrom('ECTS', 'US_SEMESTER', 'UK_CATS'),
  field: fc.constantFrom('a', 'b', 'c'),
  source: fc.constantFrom('home' as const, 'transfer' as const),
  courseId: fc.option(fc.constantFrom('C1', 'C2', 'C3'), { nil: undefined }),
  assessmentType: fc.option(fc.constantFrom('proctored-exam', 'online-assessment'), { nil: undefined }),
  identityVerified: fc.option(fc.boolean(), { nil: undefined }),
}).map(({ assessmentType, identityVerified, ...rest }) => ({
  ...rest, ...(assessmentType !== undefined ? { assessmentType } : {}), ...(identityVerified !== undefined ? { identityVerified } : {}),
}));

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
    total: fc.constantFrom('1', '3', '6', '9/2', '8', '12'),
  })
  .map(({ shapes: list, items, limit, share, total }) => {
    const allIds: string[] = [];
    const ids = { next: 0 };
    const root: RequirementNode = { id: 'root', allOf: list.map((shape) => toNode(shape, ids, allIds)), ...(limit ? { limits: [limit] } : {}) };
    const shareable: [string, string][] = [];
    if (share && allIds.length >= 2) {
      const a = allIds[share[0] % allIds.length];
      const b = allIds[share[1] % allIds.length];
      if (a !== b) shareable.push([a, b]);
    }
    const program: Program = { id: 'random', version: '2026', creditUnit: 'ECTS', totalCredits: total, requirements: root, ...(shareable.length ? { shareable } : {}) };
    const learnerItems: LearnerItem[] = items.map((it, k) => ({ id: `i${k}`, date: '2026-01-01', ...it }));
    return { program, items: learnerItems };
  });
