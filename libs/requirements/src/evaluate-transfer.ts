import { cmpStanding, Standing, standingOf } from './cap-objective';
import { evaluateProgram } from './evaluate-program';
import { behaviourFor } from './evaluate-recognition';
import { ProgramEvaluation } from './evaluation.types';
import { EvaluateProgramOptions, HeldCredential, LearnerItem } from './learner-item.types';
import { markPathwayCredentials } from './pathway-credential';
import { Program } from './program.types';
import { ZERO, add, cmp, sub } from './rational';
import { Candidate, byPreference } from './recognition-candidates';
import { evaluateRecognitionV1 } from './recognition-v1';
import { Allocation, assembleRecognition, capBinds, pooled, PreparedRecognition, prepareRecognition, recognizedItem, withPartial } from './recognition-v2';
import { RecognitionContext, RecognitionEvaluation, RecognitionEvidence, RecognitionPolicy } from './recognition.types';

export interface TransferContext extends RecognitionContext {
  credentialsHeld?: HeldCredential[];
  exceptions?: EvaluateProgramOptions['exceptions'];
  residenceCompleted?: EvaluateProgramOptions['residenceCompleted'];
  partialSearchBudget?: number;
  /**
   * Credit a registrar already decided for this learner toward this program, as program items: it
   * counts as decided (list it in `alreadyRecognized` too, so it counts against the cap), and the
   * evaluation leaves it as it is.
   */
  decidedItems?: LearnerItem[];
}

/**
 * Recognition of the evidence under the policy and the program evaluation of the result, as one
 * evaluation. Engine 2.x: when the transfer cap binds, which evidence gets the cap is part of the
 * program search: the allocation that takes the program furthest (satisfied, then the least work
 * left, then the most credit toward the degree) wins, and among equals the policy's priority, then
 * the older evidence; each piece left out says who used the cap and why. The credential that
 * unlocks a reduced-residency pathway is shown as the pathway credential, and only credentials the
 * policy does not deny can unlock one. Engine 1.x: recognition alone (the cap in date order), then the program.
 */
export function evaluateTransfer(program: Program, policy: RecognitionPolicy, evidence: readonly RecognitionEvidence[], ctx: TransferContext): { recognition: RecognitionEvaluation; evaluation: ProgramEvaluation } {
  const b = behaviourFor(ctx.engineVersion);
  const decided = ctx.decidedItems ?? [];
  const options = (held: HeldCredential[] | undefined): EvaluateProgramOptions => ({
    referenceDate: ctx.referenceDate,
    admitted: ctx.admitted,
    credentialsHeld: held,
    exceptions: ctx.exceptions ?? [],
    ...(ctx.residenceCompleted ? { residenceCompleted: ctx.residenceCompleted } : {}),
    ...(ctx.partialSearchBudget !== undefined ? { partialSearchBudget: ctx.partialSearchBudget } : {}),
    engineVersion: b.version,
  });
  if (!b.jointCapAllocation) {
    const recognition = evaluateRecognitionV1(policy, evidence, ctx, b.version);
    const { engineVersion: _v, ...legacy } = options(ctx.credentialsHeld);
    return { recognition, evaluation: evaluateProgram(program, [...decided, ...recognition.recognizedItems], { ...legacy, engineVersion: b.version }) };
  }
  const p = prepareRecognition(policy, evidence, ctx);
  const held = recognizedHeld(p, ctx.credentialsHeld);
  const base = [...decided, ...zeroCreditItems(p)];
  const allocation = capBinds(p) ? jointAllocation(program, p, base, options(held)) : { full: new Set(pooled(p).map((c) => c.ev.id)), partial: null, lostBecause: new Map() };
  const recognition = assembleRecognition(p, allocation, b.version);
  const evaluation = evaluateProgram(program, [...decided, ...recognition.recognizedItems], options(held));
  markPathwayCredentials(program, recognition, evaluation, evidence, held ?? []);
  return { recognition, evaluation };
}

/**
 * Reasons that say the credential itself is not acceptable under the policy (not that credit must
 * wait, as for admission, or that the cap is spent): such a credential unlocks no pathway.
 */
const CREDENTIAL_REFUSALS = new Set(['ISSUER_NOT_ACCEPTED', 'CREDENTIAL_INCOMPLETE', 'LEVEL_MISMATCH', 'TOO_OLD']);

/** Held credentials that could unlock a pathway: those the policy accepts as credentials (a credential not among the evidence stays). */
function recognizedHeld(p: PreparedRecognition, held: HeldCredential[] | undefined): HeldCredential[] | undefined {
  if (!held) return held;
  const refused = new Set(
    p.candidates.filter((c) => c.ev.kind === 'credential' && c.check.reasons.some((r) => CREDENTIAL_REFUSALS.has(r))).map((c) => c.ev.credential?.id ?? c.ev.id),
  );
  return held.filter((h) => !refused.has(h.id));
}

/** Evidence recognised as an internal course worth no credits still counts toward that course's rule. */
function zeroCreditItems(p: PreparedRecognition): LearnerItem[] {
  return p.candidates
    .filter((c) => c.status === 'recognized' && c.check.mode !== 'components' && c.grant?.as === 'course')
    .map((c) => recognizedItem(c.ev, { grantedAs: c.grant?.as === 'course' ? { as: 'course', courseId: c.grant.courseId } : null, equivalencyId: c.check.equivalency?.id }, ZERO, p.policy));
}

/**
 * The cap as part of the program search. One search with every candidate pooled under the cap
 * (a root limit the engine fills as it best serves the program) gives the best standing; then, in
 * preference order, each candidate is fixed in when some allocation that keeps that standing grants
 * it (no new search when the last one already used it), and fixed out otherwise. Whatever room is
 * left goes in part to the most preferred candidate left out.
 */
function jointAllocation(program: Program, p: PreparedRecognition, base: LearnerItem[], options: EvaluateProgramOptions): Allocation {
  const pool = pooled(p).sort(byPreference);
  const room = p.remaining ?? ZERO;
  const item = (c: Candidate) => recognizedItem(c.ev, { grantedAs: c.grant?.as === 'course' ? { as: 'course', courseId: c.grant.courseId } : { as: 'elective' }, equivalencyId: c.check.equivalency?.id }, c.full, p.policy);
  // comparisons of allocations need the standing, not its explanation: a tighter budget for the least-work search
  const judging = { ...options, partialSearchBudget: Math.min(options.partialSearchBudget ?? STANDING_BUDGET, STANDING_BUDGET) };
  const run = (fixedIn: Candidate[], fixedOut: ReadonlySet<string>): { standing: Standing; used: Set<string> } | null => {
    const inCredits = fixedIn.reduce((a, c) => add(a, c.full), ZERO);
    if (cmp(inCredits, room) > 0) return null;
    const free = pool.filter((c) => !fixedIn.includes(c) && !fixedOut.has(c.ev.id));
    // the program search picks, within what the cap leaves, which free pieces count in whole
    const capPool = { itemIds: free.map((c) => `recognized:${c.ev.id}`), maxCredits: ratText(sub(room, inCredits)), unit: p.policy.creditUnit, label: 'transfer cap' };
    const searched = standingOf(program, [...base, ...fixedIn.map(item), ...free.map(item)], { ...judging, capPool });
    const whole = [...fixedIn, ...free.filter((c) => searched.used.has(`recognized:${c.ev.id}`))];
    // ...and the allocation is judged as it will be granted: those in whole, the rest of the room in part to the next preferred
    const wholeCredits = whole.reduce((a, c) => add(a, c.full), ZERO);
    const next = pool.find((c) => !whole.includes(c));
    const rest = sub(room, wholeCredits);
    const partial = next && cmp(rest, ZERO) > 0 ? [recognizedItem(next.ev, { grantedAs: { as: 'elective' }, equivalencyId: next.check.equivalency?.id }, rest, p.policy)] : [];
    // with no room left over, the search already judged exactly what will be granted
    const standing = partial.length === 0 ? searched.standing : standingOf(program, [...base, ...whole.map(item), ...partial], judging).standing;
    return { standing, used: new Set(whole.map((c) => c.ev.id)) };
  };
  const first = run([], new Set());
  if (!first) return { full: new Set(), partial: null, lostBecause: new Map() };
  const best = first.standing;
  let used = first.used;
  const fixedIn: Candidate[] = [];
  const fixedOut = new Set<string>();
  const lostBecause = new Map<string, string>();
  // a piece the program cannot tell from one already refused (same credit, course, field, level...)
  // under the same fixed pieces is refused too: forcing it in is that refusal with one option fewer
  const datesMatter = JSON.stringify(program.requirements).includes('"withinYears"');
  const shapeOf = (c: Candidate) => { const { id: _i, date, title: _t, code: _c, evidenceEventId: _e, ...rest } = item(c); return JSON.stringify({ ...rest, ...(datesMatter ? { date } : {}) }); };
  const refused = new Map<string, { fixed: number; why: string }>();
  for (const c of pool) {
    const inCredits = fixedIn.reduce((a, x) => add(a, x.full), ZERO);
    if (cmp(add(inCredits, c.full), room) > 0) {
      fixedOut.add(c.ev.id);
      lostBecause.set(c.ev.id, 'it does not fit in what the cap leaves after evidence that serves the program better or comes first');
      continue;
    }
    if (used.has(c.ev.id)) { fixedIn.push(c); continue; }
    const shape = shapeOf(c);
    const same = refused.get(shape);
    if (same && same.fixed === fixedIn.length) { fixedOut.add(c.ev.id); lostBecause.set(c.ev.id, same.why); continue; }
    const r = run([...fixedIn, c], fixedOut);
    if (r && cmpStanding(r.standing, best) === 0) { fixedIn.push(c); used = r.used; continue; }
    fixedOut.add(c.ev.id);
    const why = r ? whyWorse(r.standing, best) : 'it does not fit in the cap';
    refused.set(shape, { fixed: fixedIn.length, why });
    lostBecause.set(c.ev.id, why);
  }
  return withPartial(p, { full: new Set(fixedIn.map((c) => c.ev.id)), partial: null, lostBecause });
}

/** Feasibility checks per least-work search when allocations are compared (the final evaluation keeps the default). */
const STANDING_BUDGET = 60;

function whyWorse(s: Standing, best: Standing): string {
  if (best.satisfied && !s.satisfied) return 'granting it instead would leave the program unsatisfied';
  if (s.rules < best.rules) return `granting it instead would leave ${best.rules - s.rules} more requirement(s) unsatisfied`;
  if (s.work.items > best.work.items) return `granting it instead would leave ${s.work.items - best.work.items} more course(s) to take`;
  if (s.work.units > best.work.units) return 'granting it instead would leave more credit to earn';
  return 'granting it instead would count less credit toward the degree';
}

function ratText(r: { n: bigint; d: bigint }): string {
  return r.d === 1n ? String(r.n) : `${r.n}/${r.d}`;
}
