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
  /** Absent: only the credits are asserted (e.g. a component counted through its credential). */
  outcome?: 'granted' | 'partially-granted' | 'denied';
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
  /** Zero credits may also be said by leaving the item out (a revoked credential is no evidence). */
  mayBeAbsent?: boolean;
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
  residency: { outcome: string; pathway: { id: string } | null; months: number | null; standard: { months: number | null }; reasons: string[] };
  recognized: RecognizedEntry[];
  missing: { rulePath: string; message: string }[];
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

const lastPosition = (view: RequestView): number => Math.max(-1, ...view.events.map((e) => e.position));

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
    const proposals = new Map((evaluated.evaluation?.proposals ?? []).map((p) => [p.itemId, p]));
    const items = submitted.map((key) => {
      const expected = c.items[key];
      const want = expected?.outcome && expected.reason ? { outcome: expected.outcome, reason: expected.reason, credits: expected.credits } : expected?.decideAs ? { ...expected.decideAs, credits: '0' } : null;
      if (!want) throw new Error(`submitted item ${key} needs an expected outcome and reason (or decideAs) to be decided`);
      const proposal = proposals.get(itemIds[key]);
      const differs = !proposal || proposal.decision !== want.outcome || !sameAmount(proposal.creditsGranted, want.outcome === 'denied' ? '0' : want.credits);
      return {
        itemId: itemIds[key],
        outcome: want.outcome,
        reasonCode: want.reason,
        ...(want.outcome === 'denied' ? {} : { credits: String(want.credits) }),
        ...(differs ? { overrideReason: `Decided under the published recognition policy (${want.reason}); the automatic proposal was ${proposal?.decision ?? 'missing'}` } : {}),
      };
    });
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

interface RecordEvidence {
  evidence?: { position: number | null };
  corrections?: { evidence: { position: number | null } }[];
  revocation?: { evidence: { position: number | null } } | null;
}

/** The highest global position among the events of the learner's record (read over HTTP). */
export async function recordPosition(world: ScenarioWorld, issuer: string, learnerId: string): Promise<number> {
  const record = (await world.get(issuer, 'issuer', `/learners/${learnerId}/record`)).body as { completions: RecordEvidence[]; credentials: RecordEvidence[] };
  const positions = [...record.completions, ...record.credentials].flatMap((x) => [
    x.evidence?.position ?? -1,
    ...(x.corrections ?? []).map((k) => k.evidence.position ?? -1),
    x.revocation?.evidence.position ?? -1,
  ]);
  return Math.max(-1, ...positions);
}
