import { CompiledNode, CompiledProgram } from './compile-program';
import { Claims } from './claim-solver';
import { NodeEvaluation } from './evaluation.types';
import { describeFilter, filterMisses } from './filters';
import { Rational, sub, toDecimal } from './rational';

const MAX_NEAR_MISSES = 5;

/** Fills `missing` on each node and returns the registrar-facing list of what is still missing. */
export function explainMissing(c: CompiledProgram, claims: Claims, evaluations: NodeEvaluation[]): { rulePath: string; message: string }[] {
  const owner = new Map<number, number[]>();
  if (evaluations.some((e) => e.status !== 'satisfied')) {
    claims.forEach((items, leaf) => items.forEach((i) => {
      const list = owner.get(i);
      if (list) list.push(leaf);
      else owner.set(i, [leaf]);
    }));
  }
  const out: { rulePath: string; message: string }[] = [];
  const visit = (i: number, underSatisfied: boolean): void => {
    const n = c.nodes[i];
    const e = evaluations[i];
    if (e.status !== 'satisfied') {
      e.missing = messagesFor(c, n, e, evaluations, owner, !underSatisfied);
      const topical = n.leaf >= 0 || n.observe || n.kind === 'anyOf' || n.kind === 'nOf';
      if (!underSatisfied && topical) for (const message of e.missing) out.push({ rulePath: n.path, message });
    }
    for (const ch of n.children) visit(ch, underSatisfied || e.status === 'satisfied');
  };
  visit(0, false);
  return out;
}

function name(n: CompiledNode): string {
  return n.label ? `${n.label} (${n.id})` : n.id;
}

function messagesFor(c: CompiledProgram, n: CompiledNode, e: NodeEvaluation, all: NodeEvaluation[], owner: Map<number, number[]>, detail: boolean): string[] {
  const unit = c.program.creditUnit;
  const haveN = Number(e.progress.have.exact.split('/')[0]);
  switch (n.kind) {
    case 'allOf':
    case 'anyOf':
    case 'nOf': {
      const pending = n.children.filter((ch) => all[ch].status !== 'satisfied').map((ch) => c.nodes[ch]);
      const more = Number(e.progress.need.exact) - haveN;
      const what = n.kind === 'allOf' ? 'all of' : `${more} more of`;
      return [`${name(n)}: satisfy ${what}: ${pending.map(name).join('; ')}`];
    }
    case 'course': {
      const msgs = [`Complete ${n.course}${n.label ? ` (${n.label})` : ''}`];
      return detail ? [...msgs, ...nearMisses(c, n, owner, (it) => it.item.courseId === n.course)] : msgs;
    }
    case 'count': {
      const more = n.need - haveN;
      const head = `${name(n)}: complete ${more} more item${more === 1 ? '' : 's'} matching ${describeFilter(n.filter)} (have ${haveN} of ${n.need})`;
      return detail ? [head, ...nearMisses(c, n, owner, () => true)] : [head];
    }
    case 'credits': {
      const have = toRational(e.progress.have.exact);
      const more = toDecimal(sub(n.needCredits, have));
      const head = `${name(n)}: earn ${more} more ${unit} credits matching ${describeFilter(n.filter)} (have ${e.progress.have.decimal} of ${e.progress.need.decimal})`;
      return detail ? [head, ...nearMisses(c, n, owner, () => true)] : [head];
    }
  }
}

/** Items that would have counted here but for one or two criteria, or that another rule already claimed. */
function nearMisses(c: CompiledProgram, n: CompiledNode, owner: Map<number, number[]>, relevant: (it: CompiledProgram['items'][number]) => boolean): string[] {
  const out: string[] = [];
  const leaf = n.leaf >= 0 ? c.leaves[n.leaf] : undefined;
  for (const it of c.items) {
    if (out.length >= MAX_NEAR_MISSES || !relevant(it)) continue;
    const claimedHere = leaf && (owner.get(it.index) ?? []).includes(leaf.index);
    if (claimedHere) continue;
    const misses = filterMisses(it.item, n.filter, c.referenceDate);
    if (misses.length === 0 && leaf && leaf.eligible.includes(it.index)) {
      const others = (owner.get(it.index) ?? []).map((l) => c.nodes[c.leaves[l].node].path);
      if (others.length) out.push(`${it.id} already counts toward ${others.join(', ')}`);
      else if (c.limits.some((l) => leaf.limits.includes(l.index) && l.matches[it.index])) out.push(`${it.id} is left out by a cap`);
      continue;
    }
    if (n.kind !== 'course' && owner.has(it.index)) continue;
    if (misses.length > 0 && (misses.length <= 1 || n.kind === 'course')) out.push(`${it.id}: ${misses.map((m) => m.message).join('; ')}`);
  }
  return out;
}

function toRational(exact: string): Rational {
  const [num, den] = exact.split('/');
  return { n: BigInt(num), d: BigInt(den ?? '1') };
}
