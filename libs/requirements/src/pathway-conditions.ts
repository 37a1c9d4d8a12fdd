import { compileProgram } from './compile-program';
import { evaluateTree } from './evaluate-tree';
import { EvaluateProgramOptions, LearnerItem } from './learner-item.types';
import { Program, RequirementNode, childrenOf } from './program.types';

/**
 * A `{ rule: id }` pathway condition, decided exactly and on its own: can the learner's items satisfy
 * that rule, under its own caps and those of its ancestors (shareable pairs kept), however the rest of
 * the tree uses them? Substitutions apply; waivers do not (neither on the rule nor below it), so a
 * waiver alone never unlocks a reduced-residency pathway. Unknown rule ids are never satisfied.
 */
export function ruleSatisfiable(program: Program, ruleId: string, items: readonly LearnerItem[], options: EvaluateProgramOptions): boolean {
  const chain = pathTo(program.requirements, ruleId);
  if (!chain) return false;
  let node: RequirementNode = chain[chain.length - 1];
  for (let k = chain.length - 2; k >= 0; k--) {
    const a = chain[k];
    node = { id: a.id, allOf: [node], ...(a.label !== undefined ? { label: a.label } : {}), ...(a.limits ? { limits: a.limits } : {}) };
  }
  const sub: Program = { ...program, requirements: node, residency: undefined };
  const exceptions = (options.exceptions ?? []).filter((e) => e.kind === 'substitute');
  const c = compileProgram(sub, items, { ...options, exceptions });
  return evaluateTree(c, options, false).evaluations[0].status === 'satisfied';
}

/** Nodes from the root down to the rule with this id, or null. */
function pathTo(n: RequirementNode, id: string): RequirementNode[] | null {
  if (n.id === id) return [n];
  for (const ch of childrenOf(n)) {
    const rest = pathTo(ch, id);
    if (rest) return [n, ...rest];
  }
  return null;
}

/** A `{ requirement }` condition: the inline sub-tree evaluated on its own against the same items (no exceptions). */
export function subtreeSatisfied(program: Program, node: RequirementNode, items: readonly LearnerItem[], options: EvaluateProgramOptions): boolean {
  const sub: Program = { ...program, requirements: node, shareable: [], residency: undefined };
  const c = compileProgram(sub, items, { ...options, exceptions: [] });
  return evaluateTree(c, options, false).evaluations[0].status === 'satisfied';
}
