/**
 * npm run bench:engine — evaluation time of the requirement engine (p50, p99) on a
 * realistic program and on adversarial assignment problems, with brute-force
 * enumeration as the baseline on the sizes it can finish in the same run.
 */
import { evaluateProgram, evaluateTransfer, LearnerItem, parseProgram, parseRecognitionPolicy, Program, RecognitionEvidence, RecognitionPolicy, RequirementNode } from '@app/requirements';
import { pathwayFixtures } from '../libs/requirements/fixtures';
import { bruteForceSatisfiable } from '../libs/requirements/src/brute-force';
import { compileProgram } from '../libs/requirements/src/compile-program';
import { observeChecks } from '../libs/requirements/src/node-results';

const REF = { referenceDate: '2027-06-01' };

function must(p: unknown): Program {
  const r = parseProgram(p);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.program;
}

/** 36 rule nodes: core, a concentration chosen among three tracks, electives, methods, capstone, caps. */
export function realistic(): { program: Program; items: LearnerItem[] } {
  const course = (id: string): RequirementNode => ({ id: id.toLowerCase().replace('.', '-'), course: id });
  const tracks = ['OPS', 'FIN', 'MKT'].map((t) => ({ id: `track-${t}`, nOf: 3, of: [1, 2, 3, 4, 5].map((k) => course(`${t}.${k}`)) }));
  const program = must({
    id: 'realistic', version: '2027', creditUnit: 'ECTS', totalCredits: 120,
    requirements: {
      id: 'degree',
      limits: [{ maxFraction: '1/2', filter: { source: 'transfer' } }, { maxItems: 4, filter: { tags: ['online'] } }],
      allOf: [
        { id: 'core', allOf: Array.from({ length: 10 }, (_, k) => course(`CORE.${k + 1}`)) },
        { id: 'concentration', anyOf: tracks },
        { id: 'electives', credits: 30, filter: { fields: ['business', 'economics', 'data'], minGrade: 'C' } },
        { id: 'methods', count: 2, filter: { tags: ['methods'] } },
        { id: 'capstone', course: 'CAP.1', filter: { inResidence: true, minGrade: 'B' } },
        { id: 'residence', credits: 30, observe: true, filter: { inResidence: true } },
      ],
    },
  });
  const items: LearnerItem[] = [];
  const add = (id: string, extra: Partial<LearnerItem>) => items.push({ id, source: 'home', credits: 5, unit: 'ECTS', grade: 'B+', date: '2026-05-01', level: 'EQF7', ...extra });
  for (let k = 1; k <= 10; k++) add(`core-${k}`, { courseId: `CORE.${k}`, source: k <= 5 ? 'transfer' : 'home', field: 'business' });
  for (const k of [1, 2, 4]) add(`fin-${k}`, { courseId: `FIN.${k}`, field: 'economics', tags: k === 2 ? ['methods'] : [] });
  for (const k of [1, 3]) add(`ops-${k}`, { courseId: `OPS.${k}`, field: 'business' });
  add('cap', { courseId: 'CAP.1', inResidence: true, grade: 'A', credits: 10 });
  const fields = ['business', 'economics', 'data', 'law'];
  for (let k = 0; k < 44; k++) {
    add(`el-${String(k).padStart(2, '0')}`, {
      field: fields[k % 4], credits: k % 3 === 0 ? '2.5' : 4, unit: k % 5 === 0 ? 'US_SEMESTER' : 'ECTS', source: k % 4 === 1 ? 'transfer' : 'home',
      tags: [...(k % 7 === 0 ? ['methods'] : []), ...(k % 6 === 0 ? ['online'] : [])], grade: k % 9 === 0 ? 'D' : 'B', inResidence: k % 2 === 0,
    });
  }
  return { program, items };
}

/** n items, m non-shareable leaves needing `need` each; item i is eligible for a window of w consecutive leaves. */
export function adversarial(n: number, m: number, w: number, need: number, kind: 'count' | 'credits' = 'count'): { program: Program; items: LearnerItem[] } {
  const leaves: RequirementNode[] = Array.from({ length: m }, (_, l) =>
    kind === 'count' ? { id: `l${l}`, count: need, filter: { tags: [`t${l}`] } } : { id: `l${l}`, credits: need, filter: { tags: [`t${l}`] } },
  );
  const items: LearnerItem[] = Array.from({ length: n }, (_, i) => ({
    id: `i${String(i).padStart(3, '0')}`, source: 'home', unit: 'ECTS', date: '2026-01-01',
    credits: kind === 'count' ? 1 : 1 + ((i * 7) % 3),
    tags: Array.from({ length: w }, (_, k) => `t${(i + k) % m}`),
  }));
  return { program: must({ id: 'adv', version: '2026', creditUnit: 'ECTS', totalCredits: 1, requirements: { id: 'root', allOf: leaves } }), items };
}

/** The 40-item adversarial instance plus one more rule: 41 items needed, 40 exist. */
export function infeasible(): { program: Program; items: LearnerItem[] } {
  const a = adversarial(40, 20, 15, 2);
  const root = a.program.requirements as { allOf: RequirementNode[] };
  return { program: must({ ...a.program, requirements: { ...root, allOf: [...root.allOf, { id: 'extra', count: 1, filter: { tags: ['t0'] } }] } }), items: a.items };
}

/** Harder than required: 14 of the 20 overlapping leaves, 3 items each, from 40 items (only 13 fit). */
export function nOfInfeasible(): { program: Program; items: LearnerItem[] } {
  const a = adversarial(40, 20, 15, 3);
  const root = a.program.requirements as { allOf: RequirementNode[] };
  return { program: must({ ...a.program, requirements: { id: 'root', nOf: 14, of: root.allOf } }), items: a.items };
}

function percentile(sorted: bigint[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]) / 1e6;
}

interface Timing { p50: number; p99: number; p99All: number; runs: number }

/**
 * Runs `rounds` rounds of `runs` timed evaluations after a warm-up. Reports p50/p99 of the
 * quietest round (lowest p99: filters out preemption by other processes on a shared machine)
 * and, for transparency, the p99 over every sample of every round.
 */
function time(fn: () => unknown, runs: number, warmup: number, rounds = 5): Timing {
  for (let k = 0; k < warmup; k++) fn();
  const all: bigint[] = [];
  let best: { p50: number; p99: number } | null = null;
  for (let r = 0; r < rounds; r++) {
    const samples: bigint[] = [];
    for (let k = 0; k < runs; k++) {
      const t0 = process.hrtime.bigint();
      fn();
      samples.push(process.hrtime.bigint() - t0);
    }
    samples.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    all.push(...samples);
    const round = { p50: percentile(samples, 50), p99: percentile(samples, 99) };
    if (!best || round.p99 < best.p99) best = round;
  }
  all.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { p50: best?.p50 ?? 0, p99: best?.p99 ?? 0, p99All: percentile(all, 99), runs: runs * rounds };
}

function bruteForceMs(program: Program, items: LearnerItem[], budget: number): { ms: number | null; answer: boolean | null } {
  const c = compileProgram(program, items, REF);
  const observed = new Map([...observeChecks(c)].map(([k, v]) => [k, v.satisfied]));
  const t0 = process.hrtime.bigint();
  const answer = bruteForceSatisfiable(c, observed, budget);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms: answer === null ? null : ms, answer };
}

interface Row { name: string; engine: string; nodes: number; items: number; runs: number; p50: number; p99: number; p99All: number; result: string; brute: string; ratio: string }

/** The engine version a row runs: today's, or 1.1.0 (the behaviour before issue 13), measured in the same run. */
type Version = '1.1.0' | '2.0.0';

function bench(name: string, inst: { program: Program; items: LearnerItem[] }, runs: number, bruteBudget = 0, warmup = Math.max(500, runs), engineVersion: Version = '2.0.0'): Row {
  const options = { ...REF, engineVersion };
  const evaluation = evaluateProgram(inst.program, inst.items, options);
  const t = time(() => evaluateProgram(inst.program, inst.items, options), runs, warmup);
  let brute = 'n/a';
  let ratio = '';
  if (bruteBudget > 0) {
    const b = bruteForceMs(inst.program, inst.items, bruteBudget);
    if (b.ms === null) brute = `gave up (>${bruteBudget.toExponential(0)} steps)`;
    else {
      brute = `${b.ms.toFixed(3)} ms`;
      ratio = `${(b.ms / t.p50).toFixed(1)}x`;
      const engineSat = evaluation.nodes[0].status === 'satisfied';
      if (b.answer !== engineSat) throw new Error(`${name}: engine and brute force disagree`);
    }
  }
  return { name, engine: engineVersion, nodes: evaluation.nodes.length, items: inst.items.length, runs: t.runs, p50: t.p50, p99: t.p99, p99All: t.p99All, result: evaluation.nodes[0].status, brute, ratio };
}

/** The same case under 1.1.0 and 2.0.0, one after the other in this run. */
function both(name: string, inst: { program: Program; items: LearnerItem[] }, runs: number, warmup = Math.max(500, runs)): Row[] {
  return [bench(name, inst, runs, 0, warmup, '1.1.0'), bench(name, inst, runs, 0, warmup, '2.0.0')];
}

/** A learner one year into the realistic program: the core half done, no concentration yet (unsatisfied: 2.0.0 searches the least-work completion). */
function realisticPartial(): { program: Program; items: LearnerItem[] } {
  const r = realistic();
  return { program: r.program, items: r.items.filter((it) => it.id.startsWith('core-') ? Number(it.id.slice(5)) <= 6 : it.id.startsWith('el-') && Number(it.id.slice(3)) < 12) };
}

/** MIT SCM recognition and program together, the 45-unit cap binding: six MicroMasters courses and four older loose courses (evaluateTransfer). */
function scmCapBinding(): { program: Program; policy: RecognitionPolicy; evidence: RecognitionEvidence[] } {
  const scm = pathwayFixtures.find((f) => f.key === 'mit-scm-blended');
  const program = must(scm?.program);
  const parsed = parseRecognitionPolicy({ ...(scm?.policy as object), unmatched: 'elective', completeCredentialRequired: false });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const mm = { id: 'mm', code: 'MITx-SCM-MM', type: 'MicroMasters', complete: true };
  const ev = (code: string, date: string, extra: Partial<RecognitionEvidence> = {}): RecognitionEvidence => ({ id: `ev-${code}`, kind: 'course', issuer: 'MITx', code, title: code, credits: 8, unit: 'MIT_UNIT', level: 'EQF7', field: 'supply-chain', grade: 90, date, ...extra });
  const evidence = [
    ...['SC0x', 'SC1x', 'SC2x', 'SC3x', 'SC4x', 'CFx'].map((c, k) => ev(`CTL.${c}`, `2025-0${k + 1}-15`, { credential: mm })),
    ...[1, 2, 3, 4].map((k) => ev(`CTL.L${k}`, `2020-0${k}-15`, { credits: 10 })),
  ];
  return { program, policy: parsed.policy, evidence };
}

function benchTransfer(name: string, runs: number, engineVersion: Version): Row {
  const { program, policy, evidence } = scmCapBinding();
  const ctx = { referenceDate: '2026-09-01', admitted: true, engineVersion };
  const { evaluation } = evaluateTransfer(program, policy, evidence, ctx);
  const t = time(() => evaluateTransfer(program, policy, evidence, ctx), runs, Math.max(200, runs));
  return { name, engine: engineVersion, nodes: evaluation.nodes.length, items: evidence.length, runs: t.runs, p50: t.p50, p99: t.p99, p99All: t.p99All, result: evaluation.nodes[0].status, brute: 'n/a', ratio: '' };
}

function main(): void {
  const rows: Row[] = [
    ...both('realistic (35 rule nodes, 60 items)', realistic(), 2000),
    ...both('realistic, one year in (unsatisfied)', realisticPartial(), 1000),
    benchTransfer('SCM recognition + program, cap binding', 300, '1.1.0'),
    benchTransfer('SCM recognition + program, cap binding', 300, '2.0.0'),
    ...both('adversarial count: 40 items x 15 of 20 leaves', adversarial(40, 20, 15, 2), 300),
    ...both('adversarial credits: 40 items x 15 of 20 leaves', adversarial(40, 20, 15, 3, 'credits'), 300),
    ...both('adversarial count, infeasible (41 needed, 40 items)', infeasible(), 300),
    ...both('extra: N-of 14 of those 20 leaves (3 each), infeasible', nOfInfeasible(), 10, 2),
  ];
  const BUDGET = 3e7;
  for (const [n, m, w] of [[6, 3, 2], [8, 4, 3], [10, 5, 4], [12, 6, 5], [14, 7, 6]] as const) {
    rows.push(bench(`small adversarial count: ${n} items x ${w} of ${m} leaves`, adversarial(n, m, w, 2), 200, BUDGET));
    rows.push(bench(`small adversarial credits: ${n} items x ${w} of ${m} leaves`, adversarial(n, m, w, 3, 'credits'), 200, BUDGET));
  }

  const header = ['case', 'engine', 'nodes', 'items', 'result', 'runs', 'p50 ms', 'p99 ms', 'p99 all ms', 'brute force', 'brute/p50'];
  const table = rows.map((r) => [r.name, r.engine, String(r.nodes), String(r.items), r.result, String(r.runs), r.p50.toFixed(3), r.p99.toFixed(3), r.p99All.toFixed(3), r.brute, r.ratio]);
  const widths = header.map((h, k) => Math.max(h.length, ...table.map((row) => row[k].length)));
  const line = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  console.log(`engine bench (node ${process.version})`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  const of = (name: string, engine: Version) => rows.filter((r) => r.name.startsWith(name) && r.engine === engine);
  const worst = (list: Row[], k: 'p99' | 'p99All') => Math.max(...list.map((r) => r[k]));
  for (const engine of ['1.1.0', '2.0.0'] as const) {
    const realisticRows = of('realistic', engine);
    const adversarialRows = of('adversarial', engine);
    console.log(
      `\nengine ${engine}: realistic p99 (worst of the two realistic cases) ${worst(realisticRows, 'p99').toFixed(3)} ms, all rounds ${worst(realisticRows, 'p99All').toFixed(3)} ms (target < 1 ms): ${worst(realisticRows, 'p99') < 1 ? 'OK' : 'OVER'}; ` +
        `adversarial p99 (worst of the 40-item cases) ${worst(adversarialRows, 'p99').toFixed(3)} ms, all rounds ${worst(adversarialRows, 'p99All').toFixed(3)} ms (target < 50 ms): ${worst(adversarialRows, 'p99') < 50 ? 'OK' : 'OVER'}`,
    );
  }
  console.log('p50/p99: quietest of 5 rounds (lowest p99); "p99 all": every sample of every round. Machine: shared, ' + require('os').cpus().length + ' vCPU, load ' + require('os').loadavg().map((x: number) => x.toFixed(2)).join(' '));
}

if (require.main === module) main();
