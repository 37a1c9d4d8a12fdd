import { CompiledProgram, compileProgram, fromUnits, InvalidEvaluationInputError } from './compile-program';
import { CompletedTree, completeTree } from './complete-tree';
import { checkCompletion } from './completion-check';
import { NO_WORK, typicalItemUnits } from './completion-cost';
import { capReports, countedItems } from './credit-totals';
import { engineBehaviour, EngineBehaviour } from './engine-version';
import { Claim, CompletionReport, MissingEntry, NodeEvaluation, ProgramEvaluation } from './evaluation.types';
import { evaluateTree } from './evaluate-tree';
import { explainCompletion } from './explain-completion';
import { ruleSatisfiable, subtreeSatisfied } from './pathway-conditions';
import { EvaluateProgramOptions, LearnerItem } from './learner-item.types';
import { Program, RequirementNode } from './program.types';
import { Rational, ZERO, cmp, parseRational, sub, toDecimal, toQuantity } from './rational';
import { evaluateResidency, residencyMissingMessage } from './residency';

/**
 * Evaluates a learner's items against a program version: the assignment of items to rules,
 * per-rule status and progress, what is missing, residency outcome, caps and credit totals.
 * Pure and deterministic: the same inputs give byte-identical JSON.
 */
export function evaluateProgram(program: Program, items: readonly LearnerItem[], options: EvaluateProgramOptions): ProgramEvaluation {
  const behaviour = behaviourOf(options);
  const c = compileProgram(program, items, options);
  const core = behaviour.minimalCompletion ? completeCore(c, items, options) : legacyCore(c, options);
  const { counted, total } = countedItems(c, core.claims);
  const need = parseRational(program.totalCredits);
  const totalOk = cmp(total, need) >= 0;
  const admission = { required: program.admissionRequired === true, admitted: options.admitted === true, satisfied: program.admissionRequired !== true || options.admitted === true };
  const residency = evaluateResidency(c, options, {
    ruleSatisfied: (id) => ruleSatisfiable(program, id, items, options),
    subtreeSatisfied: (node) => subtreeSatisfied(program, node, items, options),
  }, behaviour.namesInExplanations);
  let missing: MissingEntry[];
  let completion: CompletionReport | undefined;
  if (behaviour.minimalCompletion) {
    const done = explainCore(c, items, options, core, total, totalOk);
    missing = done.missing;
    completion = done.completion;
    if (!admission.satisfied) missing.push({ rulePath: '', message: 'Admission to the program is required before credit counts toward it', need: { kind: 'admission' } });
    if (residency.satisfied === false) missing.push({ rulePath: '', message: residencyMissingMessage(residency), need: { kind: 'residency' } });
  } else {
    missing = [...core.missing];
    if (!totalOk) missing.push({ rulePath: '', message: `Earn ${toDecimal(sub(need, total))} more ${program.creditUnit} credits in total (have ${toDecimal(total)} of ${toDecimal(need)})` });
    if (!admission.satisfied) missing.push({ rulePath: '', message: 'Admission to the program is required before credit counts toward it' });
    if (residency.satisfied === false) missing.push({ rulePath: '', message: residencyMissingMessage(residency) });
  }

  const claims: Claim[] = [];
  core.claims.forEach((itemIdx, leaf) => {
    const node = c.nodes[c.leaves[leaf].node];
    for (const i of itemIdx) {
      const it = c.items[i];
      const claim: Claim = { itemId: it.id, ruleId: node.id, rulePath: node.path, credits: toQuantity(it.credits) };
      if (it.item.evidenceEventId !== undefined) claim.evidenceEventId = it.item.evidenceEventId;
      claims.push(claim);
    }
  });
  claims.sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.rulePath < b.rulePath ? -1 : 1));
  const claimedSet = new Set(core.claims.flat());
  const sumWhere = (pred: (i: number) => boolean) => fromUnits(c, c.items.reduce((acc, it) => (pred(it.index) ? acc + it.units : acc), 0));
  const treeOk = core.evaluations[0].status === 'satisfied';
  const out: ProgramEvaluation = {
    engineVersion: behaviour.version,
    program: { id: program.id, version: program.version, creditUnit: program.creditUnit },
    referenceDate: options.referenceDate,
    result: treeOk && totalOk ? 'satisfied' : core.evaluations[0].status === 'unsatisfied' && cmp(total, ZERO) === 0 ? 'unsatisfied' : 'partial',
    requirementsSatisfied: treeOk && totalOk,
    totalCredits: { have: toQuantity(total), need: toQuantity(need), satisfied: totalOk },
    admission,
    residency,
    nodes: core.evaluations,
    claims,
    unusedItems: c.items.filter((it) => !claimedSet.has(it.index)).map((it) => it.id),
    missing,
    creditsBySource: {
      home: toQuantity(sumWhere((i) => c.items[i].item.source === 'home')),
      transfer: toQuantity(sumWhere((i) => c.items[i].item.source === 'transfer')),
      transferCounted: toQuantity(sumWhere((i) => c.items[i].item.source === 'transfer' && counted[i])),
      claimed: toQuantity(sumWhere((i) => claimedSet.has(i))),
    },
    capsApplied: capReports(c, core.claims, counted),
    exceptions: { applied: c.exceptionsApplied, ignored: c.exceptionsIgnored },
    search: { exhaustive: core.exhaustive, feasibilityChecks: core.checks },
  };
  if (completion) out.completion = completion;
  return out;
}

interface Core {
  claims: number[][];
  evaluations: NodeEvaluation[];
  missing: MissingEntry[];
  exhaustive: boolean;
  checks: number;
  tree: CompletedTree | null;
}

function behaviourOf(options: EvaluateProgramOptions): EngineBehaviour {
  try {
    return engineBehaviour(options.engineVersion);
  } catch (e) {
    throw new InvalidEvaluationInputError('/engineVersion', (e as Error).message);
  }
}

function legacyCore(c: CompiledProgram, options: EvaluateProgramOptions): Core {
  return { ...evaluateTree(c, options, true), tree: null };
}

function completeCore(c: CompiledProgram, items: readonly LearnerItem[], options: EvaluateProgramOptions): Core {
  const tree = completeTree(c, items, options, options.explain !== false);
  return { claims: tree.claims, evaluations: tree.evaluations, missing: [], exhaustive: tree.exhaustive, checks: tree.checks, tree };
}

/** 2.x: `missing` as a completion (tree entries, then the total), and how it completes the program. */
function explainCore(c: CompiledProgram, items: readonly LearnerItem[], options: EvaluateProgramOptions, core: Core, total: Rational, totalOk: boolean): { missing: MissingEntry[]; completion?: CompletionReport } {
  const tree = core.tree;
  if (!tree || (tree.satisfiable && totalOk) || options.explain === false) return { missing: [] };
  const completion = tree.completion ?? checkCompletion(c, items, options, { work: NO_WORK, entries: [] });
  const missing = explainCompletion(c, core.claims, core.evaluations, completion, toDecimal(total));
  const typical = typicalItemUnits(c);
  const work = completion.entries.reduce((a, e) => a + (e.kind === 'credits' ? Math.ceil(e.units / typical) : e.count), 0) + Math.ceil(completion.totalUnits / typical);
  return { missing, completion: { items: work, verified: completion.verified, needsException: completion.blocked, exhaustive: tree.exhaustive } };
}
