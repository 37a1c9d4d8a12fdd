import { exactText, sumAmounts } from './exact';
import { CaseRun, decisionItems, ExpectedItem, lastPosition, LedgerView, pollEligibility, Proposal, RequestView, Target } from './learner-case';
import { expectLedgerAgrees, expectProgramAnswer, expectProposals, expectRecognized, ProgramExpectation } from './registrar-answer';
import { ScenarioWorld } from './world';

/**
 * A change to the evidence after the request was decided (a revocation, a regrade), as issue 13
 * (item 5) has it: the decided request is flagged (RequestEvidenceChanged naming the cause), the
 * decision keeps binding until the registrar revises it (eligibility marks the decided items
 * `evidenceChanged`, the ledger marks their entries and gives the totals if re-decided), then the
 * registrar revises from the flagged state and the answer is the one the policy now implies.
 */
export interface EvidenceChange {
  title: string;
  /** The issuer whose record changes; `change` makes the write. */
  issuer: string;
  change(world: ScenarioWorld, run: CaseRun): Promise<void>;
  /** Evidence keys (submitted) whose decided items the change affects. */
  affected: string[];
  /** Every piece of evidence after the registrar's revision; submitted items need an outcome and reason (or decideAs). */
  items: Record<string, ExpectedItem>;
  /** The program answer after the registrar's revision. */
  program: ProgramExpectation;
}

interface FlaggedView extends RequestView {
  openEvidenceChanges: string[];
  evidenceChanges: { affectedItems: string[]; cause: { eventType: string }; reevaluation: { proposals: Proposal[] } }[];
}

interface MarkedLedger extends LedgerView {
  entries: (LedgerView['entries'][number] & { evidenceChange: { affected: boolean } | null })[];
  evidenceChanges: { totalsIfRedecided: Record<string, unknown> } | null;
}

interface Flagged {
  view: FlaggedView;
  etag: string;
  binding: CaseRun;
}

async function requestView(world: ScenarioWorld, target: Target, requestId: string): Promise<{ view: FlaggedView; etag: string }> {
  const answer = await world.get(target.registrar, 'registrar', `/transfer-requests/${requestId}`);
  return { view: answer.body as FlaggedView, etag: answer.headers.etag };
}

/** The request once the evidence reactor has flagged it (bounded wait: the flag is asynchronous). */
async function flaggedView(world: ScenarioWorld, target: Target, requestId: string): Promise<{ view: FlaggedView; etag: string }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const read = await requestView(world, target, requestId);
    if (read.view.openEvidenceChanges.length > 0 || Date.now() > deadline) return read;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function ledgerOf(world: ScenarioWorld, target: Target, learnerId: string): Promise<MarkedLedger> {
  return (await world.get(target.registrar, 'registrar', `/ledger/${learnerId}`)).body as MarkedLedger;
}

export function describeEvidenceChange(world: () => ScenarioWorld, target: Target, before: () => CaseRun, then: EvidenceChange): void {
  describe(`then ${then.title}`, () => {
    let flagged: Flagged | undefined;
    let revised: { run: CaseRun; view: FlaggedView } | undefined;
    const atFlag = (): Flagged => {
      if (!flagged) throw new Error('the change did not complete (see the first failure of this group)');
      return flagged;
    };
    const afterRevision = (): { run: CaseRun; view: FlaggedView } => {
      if (!revised) throw new Error('the revision did not complete (see the first failure of this group)');
      return revised;
    };
    beforeAll(async () => {
      const run = before();
      await then.change(world(), run);
      const { view, etag } = await flaggedView(world(), target, run.evaluated.requestId);
      const eligibility = await pollEligibility(world(), target, run.learnerId, lastPosition(view));
      flagged = { view, etag, binding: { ...run, eligibility, ledger: await ledgerOf(world(), target, run.learnerId) } };
    }, 30_000);

    it('the decided request is flagged with the change (RequestEvidenceChanged), still decided', () => {
      const { view } = atFlag();
      const run = before();
      const affected = new Set(view.evidenceChanges.flatMap((c) => c.affectedItems));
      expect({
        status: view.status,
        flagged: view.openEvidenceChanges.length > 0,
        flagEvent: view.events.some((e) => e.type === 'RequestEvidenceChanged'),
        affected: then.affected.map((key) => [key, affected.has(run.itemIds[key])]),
      }).toEqual({ status: 'decided', flagged: true, flagEvent: true, affected: then.affected.map((key) => [key, true]) });
    });

    it('the re-evaluation proposes what the policy now implies', () => {
      const { view } = atFlag();
      const proposals = view.evidenceChanges.at(-1)?.reevaluation.proposals ?? [];
      expectProposals({ ...before(), evaluated: { ...view, evaluation: { proposals } } }, { completions: [], items: then.items });
    });

    it('until the registrar revises, the decision binds: eligibility keeps the decided credit and marks it evidenceChanged', () => {
      const run = before();
      const e = atFlag().binding.eligibility;
      const marked = then.affected.map((key) => {
        const entry = e.recognized.find((r) => r.itemId === run.ids[key] || r.itemId.endsWith(`:${run.ids[key]}`)) as (typeof e.recognized)[number] & { basis?: string; evidenceChanged?: boolean } | undefined;
        return [key, entry ? { basis: entry.basis, evidenceChanged: entry.evidenceChanged === true, credits: exactText(entry.creditsGranted) } : 'not reported'];
      });
      const wasDecided = then.affected.map((key) => {
        const entry = run.eligibility.recognized.find((r) => r.itemId === run.ids[key] || r.itemId.endsWith(`:${run.ids[key]}`));
        return [key, { basis: 'decided', evidenceChanged: true, credits: exactText(entry?.creditsGranted) }];
      });
      expect({ credits: exactText(e.totalCredits.have), marked }).toEqual({ credits: exactText(run.eligibility.totalCredits.have), marked: wasDecided });
    });

    it('the ledger marks the affected entries and gives the totals if re-decided as the policy now implies', () => {
      const run = before();
      const ledger = atFlag().binding.ledger as MarkedLedger;
      const entries = ledger.entries.filter((x) => x.requestId === run.evaluated.requestId);
      const marks = run.submitted.map((key) => [key, entries.find((x) => x.itemId === run.itemIds[key])?.evidenceChange?.affected === true]);
      const ifRedecided = Object.values(ledger.evidenceChanges?.totalsIfRedecided ?? {});
      expect({ marks, totalsIfRedecided: ifRedecided.length === 0 ? '0' : sumAmounts(ifRedecided.map((t) => exactText(t) ?? 'x')) }).toEqual({
        marks: run.submitted.map((key) => [key, then.affected.includes(key)]),
        totalsIfRedecided: sumAmounts([exactText(then.program.credits) ?? 'x']),
      });
    });

    describe("after the registrar's revision", () => {
      beforeAll(async () => {
        const run = before();
        const { view, etag } = atFlag();
        const proposals = view.evidenceChanges.at(-1)?.reevaluation.proposals ?? [];
        const items = decisionItems(run.submitted, run.itemIds, then.items, proposals);
        await world().post(target.registrar, 'registrar', `/transfer-requests/${run.evaluated.requestId}/revision`, { items, note: `re-decided after the evidence change: ${then.title}` }, { ifMatch: etag });
        const read = await requestView(world(), target, run.evaluated.requestId);
        const eligibility = await pollEligibility(world(), target, run.learnerId, lastPosition(read.view));
        revised = { view: read.view, run: { ...run, eligibility, ledger: await ledgerOf(world(), target, run.learnerId) } };
      }, 30_000);

      it('the request is revised and no longer flagged', () => {
        const { view } = afterRevision();
        expect({ status: view.status, open: view.openEvidenceChanges }).toEqual({ status: 'revised', open: [] });
      });
      it('eligibility reports each piece of evidence as the policy now implies', () => expectRecognized(afterRevision().run, { completions: [], items: then.items }));
      it('eligibility gives the registrar-level program answer after the revision', () => expectProgramAnswer(afterRevision().run.eligibility, then.program));
      it('the ledger holds the revision and agrees with eligibility', () => expectLedgerAgrees(afterRevision().run, { completions: [], items: then.items }, then.program.credits));
    });
  });
}
