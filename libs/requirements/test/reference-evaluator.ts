import { ItemFilter, LearnerItem, NodeLimit, Program, RequirementNode } from '@app/requirements';

/**
 * Independent reference for the property tests: shares no code with the engine (no compileProgram,
 * no filters, no observers, no rationals). Credits are integers in twelfths of an ECTS credit, which
 * is exact for the generator's amounts, units, caps and totals. Exponential: tiny inputs only.
 */
const UNIT: Record<string, [number, number]> = { ECTS: [1, 1], US_SEMESTER: [2, 1], UK_CATS: [1, 2] };

export function twelfths(amount: string | number, unit = 'ECTS'): number {
  const text = String(amount);
  let [n, d] = [Number(text), 1];
  if (text.includes('/')) [n, d] = text.split('/').map(Number);
  else if (text.includes('.')) { const f = text.split('.')[1]; d = 10 ** f.length; n = Math.round(Number(text) * d); }
  const [un, ud] = UNIT[unit];
  const v = (n * 12 * un) / (d * ud);
  if (!Number.isInteger(v)) throw new Error(`reference cannot represent ${text} ${unit}`);
  return v;
}

interface Cap { maxUnits: number | null; maxItems: number | null; filter?: ItemFilter }
interface RNode { node: RequirementNode; kids: RNode[]; caps: Cap[]; covering: Cap[]; ids: string[]; leaf: number }

/** Fields, source, and how it was assessed: an item that does not say how fails a rule that asks. */
const matches = (it: LearnerItem, f?: ItemFilter): boolean =>
  !f ||
  ((!f.fields || (it.field !== undefined && f.fields.includes(it.field))) &&
    (!f.source || it.source === f.source) &&
    (!f.assessmentTypes || (it.assessmentType !== undefined && f.assessmentTypes.includes(it.assessmentType))) &&
    (f.identityVerified === undefined || (f.identityVerified ? it.identityVerified === true : it.identityVerified !== true)));

export class Reference {
  readonly units: number[];
  readonly leaves: RNode[] = [];
  readonly root: RNode;
  readonly observed = new Map<RequirementNode, number>();
  private readonly total: number;

  constructor(private readonly program: Program, readonly items: readonly LearnerItem[]) {
    this.units = items.map((it) => twelfths(it.credits, it.unit));
    this.total = twelfths(program.totalCredits);
    this.root = this.build(program.requirements, [], []);
  }

  private cap(l: NodeLimit): Cap {
    const bounds = [l.maxCredits, l.maxFraction === undefined ? undefined : `${twelfths(l.maxFraction) * this.total}/144`].filter((x) => x !== undefined).map((x) => twelfths(String(x)));
    return { maxUnits: bounds.length ? Math.min(...bounds) : null, maxItems: l.maxItems ?? null, filter: l.filter };
  }

  private build(node: RequirementNode, inherited: Cap[], ids: string[]): RNode {
    const caps = (node.limits ?? []).map((l) => this.cap(l));
    const covering = [...inherited, ...caps];
    const r: RNode = { node, kids: [], caps, covering, ids: [...ids, node.id], leaf: -1 };
    const children = 'allOf' in node ? node.allOf : 'anyOf' in node ? node.anyOf : 'of' in node ? node.of : [];
    r.kids = children.map((ch) => this.build(ch, covering, r.ids));
    const observe = ('count' in node || 'credits' in node) && node.observe === true;
    if (observe) this.observed.set(node, this.bestUnder(this.items.map((_, i) => i).filter((i) => this.eligible(r, i)), covering, 'credits' in node));
    else if (children.length === 0) { r.leaf = this.leaves.length; this.leaves.push(r); }
    return r;
  }

  eligible(r: RNode, i: number): boolean {
    const n = r.node;
    return 'course' in n ? this.items[i].courseId === n.course : matches(this.items[i], 'filter' in n ? n.filter : undefined);
  }

  /** Max count (or units) of a subset of `pool` respecting `caps`, with `forced` always in. */
  bestUnder(pool: number[], caps: Cap[], byUnits: boolean, forced: number[] = []): number {
    const free = pool.filter((i) => !forced.includes(i));
    let best = -1;
    for (let mask = 0; mask < 1 << free.length; mask++) {
      const set = [...forced, ...free.filter((_, k) => mask & (1 << k))];
      if (!this.withinCaps(set, caps)) continue;
      best = Math.max(best, set.reduce((a, i) => a + (byUnits ? this.units[i] : 1), 0));
    }
    return best;
  }

  withinCaps(set: number[], caps: Cap[]): boolean {
    return caps.every((cap) => {
      const m = set.filter((i) => matches(this.items[i], cap.filter));
      return (cap.maxItems === null || m.length <= cap.maxItems) && (cap.maxUnits === null || m.reduce((a, i) => a + this.units[i], 0) <= cap.maxUnits);
    });
  }

  shareable(a: number, b: number): boolean {
    const [x, y] = [this.leaves[a].ids, this.leaves[b].ids];
    return a !== b && (this.program.shareable ?? []).some(([p, q]) => (x.includes(p) && y.includes(q)) || (x.includes(q) && y.includes(p)));
  }

  /** Every way claims break the rules (claims: item indices per leaf). */
  violations(claims: number[][]): string[] {
    const out: string[] = [];
    claims.forEach((items, l) => items.forEach((i) => { if (!this.eligible(this.leaves[l], i)) out.push(`${this.items[i].id} not eligible for ${this.leaves[l].node.id}`); }));
    this.items.forEach((it, i) => {
      const by = claims.map((items, l) => (items.includes(i) ? l : -1)).filter((l) => l >= 0);
      for (const a of by) for (const b of by) if (a < b && !this.shareable(a, b)) out.push(`${it.id} counts twice`);
    });
    const visit = (r: RNode): void => {
      const under = new Set(this.leaves.filter((l) => l.ids.includes(r.node.id)).flatMap((l) => claims[l.leaf]));
      if (!this.withinCaps([...under], r.caps)) out.push(`cap at ${r.node.id} exceeded`);
      r.kids.forEach(visit);
    };
    visit(this.root);
    return out;
  }

  treeSatisfied(claims: number[][]): boolean {
    const visit = (r: RNode): boolean => {
      const n = r.node;
      const kids = r.kids.map(visit).filter(Boolean).length;
      if ('allOf' in n) return kids === n.allOf.length;
      if ('anyOf' in n) return kids >= 1;
      if ('nOf' in n) return kids >= n.nOf;
      const have = this.observed.get(n) ?? ('credits' in n ? claims[r.leaf].reduce((a, i) => a + this.units[i], 0) : claims[r.leaf].length);
      return 'credits' in n ? have >= twelfths(n.credits) : have >= ('count' in n ? n.count : 1);
    };
    return visit(this.root);
  }

  /** The degree total the claims allow: claimed items always counted, the rest within the root caps. */
  maxTotal(claims: number[][]): number {
    return this.bestUnder(this.items.map((_, i) => i), this.root.caps, true, [...new Set(claims.flat())]);
  }

  /** Whether the tree, and the tree with the total, can be satisfied; and the best total of a satisfying assignment. */
  verdict(): { tree: boolean; withTotal: boolean; bestTotal: number } {
    const options = this.items.map((_, i) => {
      const el = this.leaves.filter((l) => this.eligible(l, i)).map((l) => l.leaf);
      const out: number[][] = [];
      for (let mask = 0; mask < 1 << el.length; mask++) {
        const set = el.filter((_, k) => mask & (1 << k));
        if (set.every((a) => set.every((b) => a === b || this.shareable(a, b)))) out.push(set);
      }
      return out;
    });
    const claims: number[][] = this.leaves.map(() => []);
    let best = -1;
    const rec = (i: number): boolean => {
      if (i === this.items.length) {
        if (this.violations(claims).length > 0 || !this.treeSatisfied(claims)) return false;
        best = Math.max(best, this.maxTotal(claims));
        return best >= this.total;
      }
      for (const opt of options[i]) {
        opt.forEach((l) => claims[l].push(i));
        const done = rec(i + 1);
        opt.forEach((l) => claims[l].pop());
        if (done) return true;
      }
      return false;
    };
    rec(0);
    return { tree: best >= 0, withTotal: best >= this.total, bestTotal: best };
  }
}
