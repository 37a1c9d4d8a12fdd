import { CourseDefinition, Grade, isPassingGrade, learnerDecider, learnerStream, LearnerRecord } from '@app/records';
import { admissionDecider, admissionStream, ItemDecisionInput, transferRequestDecider, transferRequestStream } from '@app/transfer';
import { ESU, ESU_PROGRAM, GTX, GTX_COURSES, MIT, MITX, MITX_COURSES, SCM_PROGRAM, SUBMITTERS } from './synthetic-catalog';
import { SyntheticEvaluator } from './synthetic-evaluator';
import { SeededRandom } from './seeded-random';
import { SyntheticWriter } from './synthetic-writer';

/** One command of a learner's history; `today` is the simulated date it happens on. */
export type LearnerStep = (today: string) => Promise<void>;

export interface LearnerScriptDeps {
  writer: SyntheticWriter;
  evaluator: SyntheticEvaluator;
  random: SeededRandom;
}

const issuerActor = (institutionId: string) => ({ institutionId, role: 'issuer' });
const registrar = (institutionId: string) => ({ institutionId, role: 'registrar' });
const submitter = (institutionId: string) => ({ institutionId, role: 'submitter' });

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A learner's history, drawn up front (which courses, whether a credential, a regrade, a request
 * and how it goes, a revocation) and executed step by step, interleaved with other learners':
 * registration, completions, a MicroMasters or certificate over the stack, sometimes a regrade;
 * for some learners an admission and a transfer request (submitted and evaluated together, then
 * decided, withdrawn or left open; appealed and revised), and sometimes a late revocation.
 */
export function learnerScript({ writer, evaluator, random }: LearnerScriptDeps): { learnerId: string; steps: LearnerStep[]; requests: number } {
  const learnerId = random.uuid();
  const stream = learnerStream(learnerId);
  const issuer = random.chance(0.75) ? MITX : GTX;
  const catalog = issuer === MITX ? MITX_COURSES : GTX_COURSES;
  const taken = catalog.filter(() => random.chance(issuer === MITX ? 0.8 : 0.7));
  const courses = taken.length > 0 ? taken : [catalog[0]];
  const full = courses.length === catalog.length || (issuer === GTX && courses.length >= 3);
  const award = full && random.chance(0.85);
  const correct = random.chance(0.06);
  const requestTo = random.chance(0.15) ? (issuer === MITX && random.chance(0.8) ? MIT : ESU) : null;
  const revoke = award && random.chance(requestTo ? 0.2 : 0.03);
  const record = (): LearnerRecord => writer.state(learnerDecider, stream);
  const actor = issuerActor(issuer);
  const steps: LearnerStep[] = [];

  steps.push((today) => run({ kind: 'RegisterLearner', learnerId, actor, externalRefHash: random.chance(0.5) ? hex(random) : null }, today));
  courses.forEach((course, i) => steps.push((today) => completion(course, i, today)));
  if (award) steps.push((today) => credential(today));
  if (correct) steps.push((today) => correction(today));
  if (requestTo) steps.push(...requestSteps(requestTo));
  if (revoke) {
    steps.push((today) => {
      const credentialId = record().credentials[0]?.credentialId ?? '';
      return run({ kind: 'RevokeCredential', learnerId, credentialId, actor, reason: 'academic integrity review', revokedOn: today }, today);
    });
  }
  return { learnerId, steps, requests: requestTo ? 1 : 0 };

  async function run(command: Parameters<typeof learnerDecider.decide>[0], today: string): Promise<void> {
    await writer.run(learnerDecider, stream, command, actor, today);
  }

  function completion(course: CourseDefinition, i: number, today: string): Promise<void> {
    const grade: Grade = { scale: 'percent', value: String(random.int(issuer === MITX ? 55 : 65, 100)) };
    const completedOn = `2025-${String(2 + i).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    return run({ kind: 'RecordCompletion', learnerId, completionId: random.uuid(), actor, courseId: course.courseId, course, grade, identityVerified: random.chance(0.9), completedOn }, today);
  }

  function credential(today: string): Promise<void> {
    const mitx = issuer === MITX;
    return run(
      {
        kind: 'AwardCredential',
        learnerId,
        credentialId: random.uuid(),
        actor,
        awardingBody: mitx ? 'MITx' : 'GTx',
        country: 'US',
        type: mitx ? 'MicroMasters' : 'professional-certificate',
        code: mitx ? 'MITx-SCM-MM' : 'GTx-ANALYTICS',
        title: mitx ? 'MicroMasters Program in Supply Chain Management' : 'Analytics professional certificate',
        issuedOn: '2025-12-15',
        learningOutcomes: ['Design supply chain networks'],
        workload: { credits: mitx ? '20' : '12', unit: 'US_SEMESTER', ects: mitx ? '40' : '24' },
        eqfLevel: 7,
        assessmentType: 'proctored-exam',
        participation: 'online',
        qualityAssurance: `${mitx ? 'MIT' : 'Georgia Tech'} internal review`,
        completionIds: record().completions.map((c) => c.completionId),
        // Complete only over passed completions (a MITx grade may be below 60%: then an incomplete credential).
        complete: record().completions.every((c) => isPassingGrade(c.grade)),
      },
      today,
    );
  }

  function correction(today: string): Promise<void> {
    const c = record().completions[0];
    const value = String(Number(c.grade.value) >= 99 ? 90 : Number(c.grade.value) + 1);
    return run({ kind: 'CorrectCompletion', learnerId, completionId: c.completionId, actor, grade: { scale: 'percent', value }, reason: 'regrade after review', correctedOn: today }, today);
  }

  function requestSteps(institutionId: string): LearnerStep[] {
    const programId = institutionId === MIT ? SCM_PROGRAM : ESU_PROGRAM;
    const requestId = random.uuid();
    const transfer = transferRequestStream(requestId);
    const from = submitter(random.pick(SUBMITTERS));
    const admitted = random.chance(0.8);
    const ending = random.next();
    const appeal = random.chance(0.25);
    const revised = random.chance(0.85);
    const override = random.chance(0.1);
    const out: LearnerStep[] = [];
    if (admitted) {
      out.push((today) =>
        writer
          .run(admissionDecider, admissionStream(institutionId, learnerId), {
            kind: 'AdmitLearner', actor: registrar(institutionId), institutionId, learnerId, programId, decidedOn: addDays(today, -5), programOwnedByInstitution: true, learnerRegistered: true,
          }, registrar(institutionId), today)
          .then(() => undefined),
      );
    }
    out.push(async (today) => {
      const r = record();
      const items = [
        ...r.completions.map((c) => ({ itemId: `completion:${c.completionId}`, kind: 'completion' as const, refId: c.completionId })),
        ...r.credentials.map((k) => ({ itemId: `credential:${k.credentialId}`, kind: 'credential' as const, refId: k.credentialId })),
      ];
      const program = await evaluator.programVersion(programId);
      const submit = { kind: 'SubmitRequest' as const, actor: from, requestId, learnerId, receivingInstitution: institutionId, programId, programVersion: program.version, items, note: null, submittedOn: today };
      const evaluation = await evaluator.evaluate({ requestId, learnerId, institutionId, program, items, today });
      await writer.run(transferRequestDecider, transfer, { kind: 'SubmitAndEvaluate', submit, evaluation }, from, today);
    });
    if (ending < 0.75) {
      out.push((today) => decide(transfer, registrar(institutionId), today, override));
      if (appeal) {
        out.push((today) => {
          const items = writer.state(transferRequestDecider, transfer).request?.items ?? [];
          return writer.run(transferRequestDecider, transfer, { kind: 'Appeal', actor: from, grounds: 'the credential covers more of the program', itemIds: [items[0].itemId], appealedOn: today }, from, today).then(() => undefined);
        });
        if (revised) out.push((today) => revise(transfer, registrar(institutionId), today));
      }
    } else if (ending < 0.87) {
      out.push((today) => writer.run(transferRequestDecider, transfer, { kind: 'Withdraw', actor: from, reason: random.chance(0.5) ? 'learner enrolled elsewhere' : null, withdrawnOn: today }, from, today).then(() => undefined));
    }
    return out;
  }

  async function decide(transfer: string, actor: { institutionId: string; role: string }, today: string, override: boolean): Promise<void> {
    const proposals = writer.state(transferRequestDecider, transfer).evaluation?.proposals ?? [];
    const items: ItemDecisionInput[] = proposals.map((p, i) => {
      const nothing = p.creditsGranted === '0';
      if ((override && i === 0 && p.decision !== 'denied') || (p.decision !== 'denied' && nothing)) {
        return { itemId: p.itemId, outcome: 'denied', reasonCode: 'REGISTRAR_OVERRIDE', overrideReason: 'not comparable in depth to the home course' };
      }
      return { itemId: p.itemId, outcome: p.decision, reasonCode: p.reasons[0] ?? 'AS_PROPOSED' };
    });
    await writer.run(transferRequestDecider, transfer, { kind: 'DecideItems', actor, items, decidedOn: today }, actor, today);
  }

  async function revise(transfer: string, actor: { institutionId: string; role: string }, today: string): Promise<void> {
    const state = writer.state(transferRequestDecider, transfer);
    const items: ItemDecisionInput[] = (state.decisions ?? []).map((d, i) =>
      i === 0
        ? { itemId: d.itemId, outcome: 'granted', reasonCode: 'APPEAL_UPHELD', credits: d.outcome === 'denied' ? '3' : d.credits, overrideReason: 'appeal upheld: equivalent content' }
        : { itemId: d.itemId, outcome: d.outcome, reasonCode: d.reasonCode, credits: d.credits, overrideReason: d.overrideReason },
    );
    await writer.run(transferRequestDecider, transfer, { kind: 'Revise', actor, items, note: 'revised after appeal', revisedOn: today }, actor, today);
  }
}

function hex(random: SeededRandom): string {
  let out = '';
  for (let i = 0; i < 64; i += 1) out += random.int(0, 15).toString(16);
  return out;
}
