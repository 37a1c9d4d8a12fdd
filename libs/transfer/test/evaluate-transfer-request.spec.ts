import { canonicalJson } from '@app/event-store';
import { ENGINE_VERSION, parseProgram, parseRecognitionPolicy, Program, RecognitionEvidence, RecognitionPolicy } from '@app/requirements';
import { mitScmRecognition } from '../../requirements/fixtures/mit-scm-blended.learners';
import { policies, programs } from '../../requirements/fixtures';
import { evaluateTransferRequest, EvaluationInputs } from '../src/application/evaluate-transfer-request';

const program = (parseProgram(programs.scmProgram) as { ok: true; program: Program }).program;
const policy = (parseRecognitionPolicy(policies.scmPolicy) as { ok: true; policy: RecognitionPolicy }).policy;
const complete = mitScmRecognition.find((f) => f.name === 'complete-credential')?.evidence ?? [];
const held = [{ id: 'cred-scm-mm-001', code: 'MITx-SCM-MM', type: 'MicroMasters', issuer: 'MITx', complete: true, awardedOn: '2025-09-01' }];

const inputs = (evidence: RecognitionEvidence[], admitted = true): EvaluationInputs => ({
  requestId: 'r1',
  referenceDate: '2026-09-01',
  program: { programId: 'mit-scm', version: '2026-2027', program },
  policy: {
    policyId: 'mit-scm-recognition',
    summary: { version: '2026.1', programId: 'mit-scm', effectiveFrom: '2026-01-01', effectiveTo: null, conversionTableId: 'mit-units-2026', publishedOn: '2026-01-01' },
    policy,
    conversionTable: { id: 'mit-units-2026', ectsPerUnit: {} },
  },
  admission: { admitted, read: admitted ? { itemId: null, kind: 'admission', refId: 'mit/l1/mit-scm', stream: 'admission-mit-l1', eventId: 'a1', position: 3, eventType: 'LearnerAdmitted' } : null },
  learner: {
    evidence,
    credentialsHeld: held,
    evidenceRead: evidence.map((e, i) => ({ itemId: e.id, kind: 'completion', refId: e.id, stream: 'learner-l1', eventId: `e${i}`, position: 10 + i, eventType: 'CompletionRecorded' })),
    learnerStream: { stream: 'learner-l1', revision: 7, lastPosition: 20 },
  },
});

describe('evaluateTransferRequest (the automatic evaluation, pure)', () => {
  it('a complete MicroMasters: every course granted as its internal course, reduced residency, versions pinned', () => {
    const record = evaluateTransferRequest(inputs(complete));
    expect(record).toMatchObject({
      engineVersion: ENGINE_VERSION,
      program: { programId: 'mit-scm', version: '2026-2027', creditUnit: 'MIT_UNIT', totalCredits: '90' },
      policy: { policyId: 'mit-scm-recognition', version: '2026.1' },
      conversionTable: { id: 'mit-units-2026', ectsPerUnit: { MIT_UNIT: '1/2' } },
      totals: { granted: '45', grantedCount: 6, deniedCount: 0 },
      programEvaluation: { residency: { outcome: 'reduced', pathway: 'blended', months: 5 }, admission: { satisfied: true } },
    });
    expect(record.proposals.every((p) => p.decision === 'granted' && p.grantedAs?.as === 'course')).toBe(true);
    expect(record.evidenceRead.map((r) => r.eventId)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'a1']);
    expect(record.programEvaluation.claims.map((c) => c.rulePath)).toContain('mit-scm/foundation/micromasters-route/sc0x');
  });

  it('the admission gate: nothing is recognized before admission', () => {
    const record = evaluateTransferRequest(inputs(complete, false));
    expect(record.proposals.every((p) => p.decision === 'denied' && p.reasons.includes('ADMISSION_REQUIRED'))).toBe(true);
    expect(record.programEvaluation.admission).toEqual({ required: true, admitted: false, satisfied: false });
  });

  it('keeps the engine version it is asked for: a record made by 1.1.0 re-runs identically under 1.1.0, and today\'s engine decides the credential differently', () => {
    const credential: RecognitionEvidence = { id: 'credential:cred-scm-mm-001', kind: 'credential', issuer: 'MITx', code: 'MITx-SCM-MM', title: 'SCM MicroMasters', credits: 30, unit: 'US_SEMESTER', level: 'EQF7', date: '2025-09-01', credential: { id: 'cred-scm-mm-001', code: 'MITx-SCM-MM', type: 'MicroMasters', complete: true } };
    const old = evaluateTransferRequest({ ...inputs([...complete, credential]), engineVersion: '1.1.0' });
    expect(old.engineVersion).toBe('1.1.0');
    expect(old.proposals.find((p) => p.itemId === credential.id)).toMatchObject({ decision: 'denied', reasons: expect.arrayContaining(['NO_EQUIVALENCY']) });
    // what reproduction does: re-run with the version the record names
    expect(canonicalJson(evaluateTransferRequest({ ...inputs([...complete, credential]), engineVersion: old.engineVersion }))).toBe(canonicalJson(old));
    const now = evaluateTransferRequest(inputs([...complete, credential]));
    expect(now.engineVersion).toBe(ENGINE_VERSION);
    expect(now.proposals.find((p) => p.itemId === credential.id)).toMatchObject({ decision: 'recognized', reasons: ['RECOGNIZED_THROUGH_COMPONENTS', 'PATHWAY_CREDENTIAL'] });
  });

  it('is deterministic: same inputs (in any order) give the same record', () => {
    const a = evaluateTransferRequest(inputs(complete));
    const b = evaluateTransferRequest({ ...inputs([...complete].reverse()), learner: inputs(complete).learner });
    expect(canonicalJson(a)).toBe(canonicalJson(evaluateTransferRequest(inputs(complete))));
    expect(b.proposals).toEqual(a.proposals);
  });

  it('applies exceptions keyed by rule path and program version, and reports foreign versions as ignored', () => {
    const record = evaluateTransferRequest({
      ...inputs(complete),
      exceptions: [
        { id: 'x1', kind: 'waive', path: 'mit-scm/capstone', programVersion: '2026-2027' },
        { id: 'x2', kind: 'waive', path: 'mit-scm/electives', programVersion: '2025-2026' },
      ],
    });
    expect(record.programEvaluation.exceptions.applied).toEqual([{ id: 'x1', kind: 'waive', path: 'mit-scm/capstone' }]);
    expect(record.programEvaluation.exceptions.ignored).toEqual([expect.objectContaining({ id: 'x2', path: 'mit-scm/electives' })]);
  });
});
