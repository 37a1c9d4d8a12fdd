import { Amount, exactText, sumAmounts } from './exact';
import { CaseRun, EligibilityView, ExpectedItem, LearnerCase } from './learner-case';

/**
 * Registrar-level expectations, independent of message wording: credits (exact), per-item
 * outcome and reason code, which requirements are met or missing, residency and admission, and
 * that "missing" is actionable (names no held course and no internal id).
 */
const canon = (value: unknown): string => {
  const text = exactText(value);
  if (text === undefined) return `not an amount: ${JSON.stringify(value)}`;
  try {
    return sumAmounts([text]);
  } catch {
    return `not an amount: ${text}`;
  }
};

const noCredit = (outcome: string): boolean => outcome === 'denied' || outcome === 'recognized';

const expectedView = (want: ExpectedItem, withCourse: boolean): Record<string, unknown> => ({
  credits: canon(want.credits),
  ...(want.outcome ? { outcome: want.outcome } : {}),
  ...(want.reason ? { reason: want.reason } : {}),
  ...(withCourse && want.outcome && !noCredit(want.outcome) ? { as: want.as ?? null } : {}),
});

const actualView = (want: ExpectedItem, got: { outcome: string; credits: unknown; reasons: string[]; as?: string | null }, withCourse: boolean): Record<string, unknown> => ({
  credits: canon(got.credits),
  ...(want.outcome ? { outcome: got.outcome } : {}),
  ...(want.reason ? { reason: got.reasons.includes(want.reason) ? want.reason : `not among [${got.reasons.join(', ')}]` } : {}),
  ...(withCourse && want.outcome && !noCredit(want.outcome) ? { as: got.as ?? null } : {}),
});

/** The automatic proposal for every submitted item is what the published policy implies. */
export function expectProposals(run: CaseRun, c: LearnerCase): void {
  const proposals = new Map((run.evaluated.evaluation?.proposals ?? []).map((p) => [p.itemId, p]));
  const actual: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  for (const key of run.submitted) {
    const want = c.items[key];
    const p = proposals.get(run.itemIds[key]);
    expected[key] = expectedView(want, true);
    actual[key] = p ? actualView(want, { outcome: p.decision, credits: p.creditsGranted, reasons: p.reasons, as: p.grantedAs?.courseId ?? null }, true) : 'no proposal';
  }
  expect(actual).toEqual(expected);
}

/** Eligibility reports every piece of evidence with the registrar-level outcome, credits and reason. */
export function expectRecognized(run: CaseRun, c: LearnerCase): void {
  const actual: Record<string, unknown> = {};
  const expected: Record<string, unknown> = {};
  for (const [key, want] of Object.entries(c.items)) {
    const id = run.ids[key];
    const entry = run.eligibility.recognized.find((r) => r.itemId === id || r.itemId.endsWith(`:${id}`));
    expected[key] = expectedView(want, false);
    actual[key] = entry ? actualView(want, { outcome: entry.decision, credits: entry.creditsGranted, reasons: entry.reasons }, false) : 'not reported';
  }
  expect(actual).toEqual(expected);
}

export interface ProgramExpectation {
  /** Credits applied toward the degree (have). */
  credits: Amount;
  need: Amount;
  requirementsSatisfied: boolean;
  /** Rule paths with nothing missing under them. */
  satisfied?: string[];
  /** Rule paths that must be reported missing. */
  missing?: string[];
  admitted?: boolean;
  residency?: { outcome: 'standard' | 'reduced' | 'not-eligible'; pathway: string | null; months?: number };
  /** Internal course ids the learner holds (granted as those courses): never asked for again. */
  held?: string[];
  /** Courses "missing" must name, each as alternatives (course id or its label). */
  names?: string[][];
  /** A reduced residency's reasons name the credential that unlocked it (code or title), never an internal id. */
  residencyBecause?: string[];
}

const under = (e: EligibilityView, path: string) => e.missing.filter((m) => m.rulePath === path || m.rulePath.startsWith(`${path}/`));

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export function expectProgramAnswer(e: EligibilityView, want: ProgramExpectation): void {
  expect({
    credits: canon(e.totalCredits.have),
    need: canon(e.totalCredits.need),
    requirementsSatisfied: e.requirementsSatisfied,
    ...(want.admitted !== undefined ? { admitted: e.admission.admitted } : {}),
    ...(want.residency
      ? { residency: { outcome: e.residency.outcome, pathway: e.residency.pathway?.id ?? null, ...(want.residency.months !== undefined ? { months: e.residency.months } : {}) } }
      : {}),
  }).toEqual({
    credits: canon(want.credits),
    need: canon(want.need),
    requirementsSatisfied: want.requirementsSatisfied,
    ...(want.admitted !== undefined ? { admitted: want.admitted } : {}),
    ...(want.residency ? { residency: want.residency } : {}),
  });
  const satisfied = Object.fromEntries((want.satisfied ?? []).map((p) => [p, under(e, p).map((m) => m.message)]));
  expect(satisfied).toEqual(Object.fromEntries((want.satisfied ?? []).map((p) => [p, []])));
  const reported = Object.fromEntries((want.missing ?? []).map((p) => [p, under(e, p).length > 0]));
  expect({ reported, all: e.missing.map((m) => m.rulePath) }).toEqual({ reported: Object.fromEntries((want.missing ?? []).map((p) => [p, true])), all: e.missing.map((m) => m.rulePath) });
  if (want.residencyBecause) {
    const because = want.residencyBecause;
    expect({
      namesCredential: e.residency.reasons.some((r) => because.some((b) => r.includes(b))),
      internalIds: e.residency.reasons.filter((r) => UUID.test(r)),
    }).toEqual({ namesCredential: true, internalIds: [] });
  }
  const named = Object.fromEntries((want.names ?? []).map((alternatives) => [alternatives[0], e.missing.some((m) => alternatives.some((a) => m.message.includes(a)))]));
  expect({ named, missing: e.missing.map((m) => m.message) }).toEqual({ named: Object.fromEntries((want.names ?? []).map((a) => [a[0], true])), missing: e.missing.map((m) => m.message) });
  expectActionableMissing(e, want.held ?? []);
}

/** "Missing" never names an internal id, and never asks for a course the learner already holds. */
export function expectActionableMissing(e: EligibilityView, held: string[]): void {
  const offending = e.missing
    .filter((m) => m.message.includes('recognized:') || UUID.test(m.message) || held.some((course) => m.message.includes(course)))
    .map((m) => `${m.rulePath}: ${m.message}`);
  expect(offending).toEqual([]);
}

/**
 * The ledger holds every decided item as decided, and its total is the credit eligibility
 * applies (they never contradict each other). Undecided requests leave no ledger entry.
 */
export function expectLedgerAgrees(run: CaseRun, c: LearnerCase, credits: Amount): void {
  const requestId = run.evaluated.requestId;
  const entries = run.ledger.entries.filter((x) => x.requestId === requestId);
  if (!run.decided) {
    expect(entries).toEqual([]);
    return;
  }
  const actual = Object.fromEntries(run.submitted.map((key) => {
    const entry = entries.find((x) => x.itemId === run.itemIds[key]);
    return [key, entry ? { outcome: entry.outcome, credits: canon(entry.credits) } : 'no ledger entry'];
  }));
  const expected = Object.fromEntries(run.submitted.map((key) => {
    const want = c.items[key];
    const outcome = want.outcome ?? want.decideAs?.outcome;
    return [key, { outcome, credits: canon(outcome === undefined || noCredit(outcome) ? '0' : want.credits) }];
  }));
  expect(actual).toEqual(expected);
  const totals = Object.values(run.ledger.totals);
  const total = totals.length === 0 ? '0' : sumAmounts(totals.map((t) => exactText(t) ?? 'x'));
  expect({ ledgerTotal: total, eligibility: canon(run.eligibility.totalCredits.have) }).toEqual({ ledgerTotal: canon(credits), eligibility: canon(credits) });
}
