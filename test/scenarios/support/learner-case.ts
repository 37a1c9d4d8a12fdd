import { Amount, sameAmount } from './exact';
import { CreditUnit, Grade, ScenarioWorld } from './world';

/**
 * One learner of a scenario, end to end over HTTP: the issuers record the completions and
 * credentials, the registrar admits (or not), the submitting university submits the evidence,
 * the registrar decides each submitted item as the published policy implies (giving a reason
 * where that differs from the engine's proposal), then eligibility and the ledger are read.
 */
export interface CompletionDef {
  key: string;
  issuer: string;
  courseId: string;
  grade: Grade;
  completedOn: string;
  eqfLevel?: number;
  inResidence?: boolean;
  /** Default true. */
  identityVerified?: boolean;
  /** Default: the course's assessment type. */
  assessmentType?: 'proctored-exam' | 'online-assessment' | 'onsite-exam' | 'project' | 'portfolio' | 'none';
}

export interface CredentialDef {
  key: string;
  issuer: string;
  type: 'MicroMasters' | 'professional-certificate' | 'microdegree' | 'digital-badge' | 'XSeries' | 'micro-credential';
  code: string;
  title: string;
  /** Completion keys of the stack. */
  over: string[];
  complete: boolean;
  issuedOn: string;
  eqfLevel: number;
  workload: { credits: string; unit: CreditUnit };
  grade?: Grade;
}

/** What the real policy implies for one piece of evidence. */
export interface ExpectedItem {
  /**
   * Absent: only the credits are asserted (e.g. a component counted through its credential).
   * `recognized`: accepted as evidence without credit of its own (a credential counted through its
   * components, or the one unlocking a reduced pathway).
   */
  outcome?: 'granted' | 'partially-granted' | 'denied' | 'recognized';
  credits: Amount;
  /** The registrar-level reason code (the one a registrar records for this item). */
  reason?: string;
  /** Granted as this internal course of the receiving institution. */
  as?: string;
  /**
   * For an item whose representation the issue leaves open (a component counted through its
   * credential): how the registrar decides it when submitted; only `credits` is asserted.
   */
  decideAs?: { outcome: 'denied'; reason: string };
}

export interface LearnerCase {
  completions: CompletionDef[];
  credentials?: CredentialDef[];
  /** Admission decision date; absent: not admitted. */
  admittedOn?: string;
  /** Evidence keys submitted with the request (default: every completion and credential). */
  submit?: string[];
  /** Whether the registrar decides the request (default true). */
  decide?: boolean;
  /** Expected answer for every piece of the learner's evidence, by key. */
  items: Record<string, ExpectedItem>;
}

export interface Target {
  registrar: string;
  submitter: string;
  programId: string;
}

export interface Proposal {
  itemId: string;
  decision: string;
  grantedAs: { as: string; courseId?: string } | null;
  creditsGranted: unknown;
  reasons: string[];
}

export interface RequestView {
  requestId: string;
  status: string;
  revision: number;
  evaluation: { proposals: Proposal[] } | null;
  events: { type: string; position: number }[];
}

export interface RecognizedEntry {
  itemId: string;
  title: string;
  decision: string;
  creditsGranted: unknown;
  unit: string;
  reasons: string[];
}

export interface EligibilityView {
  learnerId: string;
  programId: string;
  upToPosition: number;
  policy: { policyId: string; version: string } | null;
  result: string;
  requirementsSatisfied: boolean;
  totalCredits: { have: unknown; need: unknown; satisfied: boolean };
  admission: { required: boolean; admitted: boolean; satisfied: boolean };
  residency: { outcome: string; pathway: { id: string } | null; months: number | null; standard: { months: number | null } | null; reasons: string[] };
  recognized: RecognizedEntry[];
  missing: { rulePath: string; message: string; notes?: string[] }[];
  explanation: string[];
}

export interface LedgerView {
  totals: Record<string, unknown>;
  entries: { requestId: string; itemId: string; outcome: string; reasonCode: string; credits: unknown; unit: string }[];
}

export interface CaseRun {
  learnerId: string;
  /** Evidence key -> record id (completion or credential id). */
  ids: Record<string, string>;
  /** Evidence key -> request item id ("completion:<id>"), for the submitted keys. */
  itemIds: Record<string, string>;
  submitted: string[];
  evaluated: RequestView;
  decided: boolean;
  eligibility: EligibilityView;
  ledger: LedgerView;
}

const noCredit = (outcome: string): boolean => outcome === 'denied' || outcome === 'recognized';

/**
 * The registrar's decision (or revision) items: each submitted item as the published policy
 * implies, with what it counts as (an internal course) and an override reason wherever that
 * differs from the engine's proposal (`proposals`: the evaluation, or the re-evaluation after a change).
 */
export function decisionItems(submitted: string[], itemIds: Record<string, string>, expected: Record<string, ExpectedItem>, proposals: Proposal[]): Record<string, unknown>[] {
  const byItem = new Map(proposals.map((p) => [p.itemId, p]));
  return submitted.map((key) => {
    const item = expected[key];
    const want = item?.outcome && item.reason ? { outcome: item.outcome, reason: item.reason, credits: item.credits } : item?.decideAs ? { ...item.decideAs, credits: '0' } : null;
    if (!want) throw new Error(`submitted item ${key} needs an expected outcome and reason (or decideAs) to be decided`);
    const proposal = byItem.get(itemIds[key]);
    const grantedAs = !noCredit(want.outcome) && item.as ? { as: 'course', courseId: item.as } : undefined;
    const proposedAs = proposal?.grantedAs?.as === 'course' ? proposal.grantedAs.courseId : undefined;
    const differs = !proposal || proposal.decision !== want.outcome || !sameAmount(proposal.creditsGranted, noCredit(want.outcome) ? '0' : want.credits) || (grantedAs !== undefined && proposedAs !== item.as);
    return {
      itemId: itemIds[key],
      outcome: want.outcome,
      reasonCode: want.reason,
      ...(noCredit(want.outcome) ? {} : { credits: String(want.credits) }),
      ...(grantedAs ? { grantedAs } : {}),
      ...(differs ? { overrideReason: `Decided under the published recognition policy (${want.reason}); the automatic proposal was ${proposal?.decision ?? 'missing'}` } : {}),
    };
  });
}

export const lastPosition = (view: RequestView): number => Math.max(-1, ...view.events.map((e) => e.position));

export async function runCase(world: ScenarioWorld, target: Target, c: LearnerCase): Promise<CaseRun> {
  const firstIssuer = c.completions[0]?.issuer ?? c.credentials?.[0]?.issuer;
  if (!firstIssuer) throw new Error('a case needs evidence');
  const learnerId = await idOf(world.post(firstIssuer, 'issuer', '/learners', {}));
  return runCaseFor(world, target, c, learnerId);
}

async function idOf(answer: Promise<{ body: unknown }>): Promise<string> {
  const { body } = await answer;
  return (body as { id: string }).id;
}

async function runCaseFor(world: ScenarioWorld, target: Target, c: LearnerCase, learnerId: string): Promise<CaseRun> {
  const ids: Record<string, string> = {};
  for (const done of c.completions) {
    const body = {
      courseId: done.courseId,
      grade: done.grade,
      identityVerified: done.identityVerified ?? true,
      completedOn: done.completedOn,
      ...(done.eqfLevel !== undefined ? { eqfLevel: done.eqfLevel } : {}),
      ...(done.inResidence !== undefined ? { inResidence: done.inResidence } : {}),
      ...(done.assessmentType !== undefined ? { assessmentType: done.assessmentType } : {}),
    };
    ids[done.key] = await idOf(world.post(done.issuer, 'issuer', `/learners/${learnerId}/completions`, body));
  }
  for (const k of c.credentials ?? []) {
    const body = {
      type: k.type,
      code: k.code,
      title: k.title,
      issuedOn: k.issuedOn,
      learningOutcomes: [`Outcomes of ${k.title}`],
      workload: k.workload,
      eqfLevel: k.eqfLevel,
      assessmentType: 'proctored-exam',
      participation: 'online',
      qualityAssurance: 'issuer internal review',
      completionIds: k.over.map((key) => ids[key]),
      complete: k.complete,
      ...(k.grade ? { grade: k.grade } : {}),
    };
    ids[k.key] = await idOf(world.post(k.issuer, 'issuer', `/learners/${learnerId}/credentials`, body));
  }
  if (c.admittedOn) await world.post(target.registrar, 'registrar', '/admissions', { learnerId, programId: target.programId, decidedOn: c.admittedOn });

  const credentialKeys = new Set((c.credentials ?? []).map((k) => k.key));
  const submitted = c.submit ?? [...c.completions.map((d) => d.key), ...(c.credentials ?? []).map((k) => k.key)];
  const itemIds: Record<string, string> = {};
  for (const key of submitted) itemIds[key] = `${credentialKeys.has(key) ? 'credential' : 'completion'}:${ids[key]}`;
  const evidence = {
    completionIds: submitted.filter((k) => !credentialKeys.has(k)).map((k) => ids[k]),
    credentialIds: submitted.filter((k) => credentialKeys.has(k)).map((k) => ids[k]),
  };
  const submittedAnswer = await world.post(target.submitter, 'submitter', '/transfer-requests', { learnerId, receivingInstitution: target.registrar, programId: target.programId, evidence });
  const requestId = (submittedAnswer.body as { id: string }).id;
  const read = await world.get(target.registrar, 'registrar', `/transfer-requests/${requestId}`);
  const evaluated = read.body as RequestView;
  let last = lastPosition(evaluated);

  const decide = c.decide !== false;
  if (decide) {
    const items = decisionItems(submitted, itemIds, c.items, evaluated.evaluation?.proposals ?? []);
    await world.post(target.registrar, 'registrar', `/transfer-requests/${requestId}/decision`, { items }, { ifMatch: read.headers.etag });
    last = lastPosition((await world.get(target.registrar, 'registrar', `/transfer-requests/${requestId}`)).body as RequestView);
  }
  const eligibility = await pollEligibility(world, target, learnerId, last);
  const ledger = (await world.get(target.registrar, 'registrar', `/ledger/${learnerId}`)).body as LedgerView;
  return { learnerId, ids, itemIds, submitted, evaluated, decided: decide, eligibility, ledger };
}

/** Eligibility is a projection: ask until it reflects the global position of the case's last write (bounded). */
export async function pollEligibility(world: ScenarioWorld, target: Target, learnerId: string, atLeast: number): Promise<EligibilityView> {
  const path = `/eligibility?learnerId=${learnerId}&programId=${target.programId}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await world.get(target.registrar, 'registrar', path, [200, 404]);
    if (answer.status === 200 && (answer.body as EligibilityView).upToPosition >= atLeast) return answer.body as EligibilityView;
    if (Date.now() > deadline) throw new Error(`no eligibility answer up to position ${atLeast} after 10 s: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
