import { given } from '@app/testing';
import { AutoAwardCandidate, CourseDefinition, CredentialDefinitionState, LearnerEvent, learnerDecider, RecordCompletion } from '../src';
import { completed, LEARNER, MITX, registered, sc0x } from './records.fixtures';

const course = (code: string): CourseDefinition => ({ ...sc0x, courseId: `mitx-ctl.${code}`, title: `Course ${code}` });
const sc1x = course('sc1x');
const cfx = course('cfx');
const template = {
  learningOutcomes: ['Design supply chain networks'],
  workload: { credits: '8', unit: 'US_SEMESTER' as const },
  eqfLevel: 7,
  assessmentType: 'proctored-exam' as const,
  participation: 'online' as const,
  qualityAssurance: 'MIT internal QA',
};
const definition = (autoAward: typeof template | null = template, issuerId = 'mitx'): CredentialDefinitionState => ({
  code: 'MITx-SCM-MM',
  issuerId,
  versions: [
    {
      version: '2025',
      title: 'MicroMasters in Supply Chain Management',
      type: 'MicroMasters',
      publishedOn: '2025-01-01',
      components: [sc0x, sc1x, cfx].map((c) => ({ courseId: c.courseId, courseTitle: c.title, minGrade: c === cfx ? { scale: 'percent' as const, value: '70' } : null })),
      autoAward,
    },
  ],
});
const candidate = (over: Partial<AutoAwardCandidate> = {}): AutoAwardCandidate => ({
  code: 'MITx-SCM-MM',
  definition: definition(),
  credentialId: 'auto-1',
  awardingBody: 'MITx',
  country: 'US',
  workload: { credits: '8', unit: 'US_SEMESTER', ects: '16' },
  ...over,
});
const complete = (completionId: string, c: CourseDefinition, value: string, over: Partial<RecordCompletion> = {}): RecordCompletion => ({
  kind: 'RecordCompletion',
  learnerId: LEARNER,
  completionId,
  actor: MITX,
  courseId: c.courseId,
  course: c,
  grade: { scale: 'percent', value },
  identityVerified: true,
  completedOn: '2025-06-20',
  autoAwards: [candidate()],
  ...over,
});
const before: LearnerEvent[] = [registered, completed('c0', sc0x), completed('c1', sc1x)];

describe('auto-award: the completion that completes a credential program marked autoAward awards it', () => {
  it('awards with the completion, in the same decision, over the stack that completes the latest version', () => {
    const [, award] = given(learnerDecider, before).when(complete('c2', cfx, '85')).thenMatches([
      { type: 'CompletionRecorded', data: { completionId: 'c2' } },
      {
        type: 'MicroCredentialAwarded',
        data: {
          credentialId: 'auto-1',
          code: 'MITx-SCM-MM',
          type: 'MicroMasters',
          title: 'MicroMasters in Supply Chain Management',
          complete: true,
          completionIds: ['c0', 'c1', 'c2'],
          issuedOn: '2025-06-20',
          workload: { credits: '8', unit: 'US_SEMESTER', ects: '16' },
          definition: { code: 'MITx-SCM-MM', version: '2025' },
          awardingBody: 'MITx',
        },
      },
    ]);
    expect(award.type).toBe('MicroCredentialAwarded');
  });

  it('does not award while a component is missing or below its minimum', () => {
    given(learnerDecider, [registered, completed('c0', sc0x)]).when(complete('c2', cfx, '85')).thenMatches([{ type: 'CompletionRecorded' }]);
    given(learnerDecider, before).when(complete('c2', cfx, '65')).thenMatches([{ type: 'CompletionRecorded' }]);
  });

  it('does not award a definition that is not marked autoAward, or that another issuer owns', () => {
    given(learnerDecider, before).when(complete('c2', cfx, '85', { autoAwards: [candidate({ definition: definition(null) })] })).thenMatches([{ type: 'CompletionRecorded' }]);
    given(learnerDecider, before).when(complete('c2', cfx, '85', { autoAwards: [candidate({ definition: definition(template, 'gtx') })] })).thenMatches([{ type: 'CompletionRecorded' }]);
    given(learnerDecider, before).when(complete('c2', cfx, '85', { autoAwards: [] })).thenMatches([{ type: 'CompletionRecorded' }]);
  });

  it('awards once: a learner holding the complete credential gets no second one from a retake', () => {
    const history = [...before, ...given(learnerDecider, before).when(complete('c2', cfx, '85')).thenMatches([{ type: 'CompletionRecorded' }, { type: 'MicroCredentialAwarded' }])];
    given(learnerDecider, history).when(complete('c3', cfx, '95', { autoAwards: [candidate({ credentialId: 'auto-2' })] })).thenMatches([{ type: 'CompletionRecorded', data: { completionId: 'c3' } }]);
  });

  it('awards when a retake reaches the minimum the first attempt missed', () => {
    const history = [...before, completed('c2', cfx, { grade: { scale: 'percent', value: '65' } })];
    given(learnerDecider, history).when(complete('c3', cfx, '75')).thenMatches([
      { type: 'CompletionRecorded' },
      { type: 'MicroCredentialAwarded', data: { completionIds: ['c0', 'c1', 'c3'] } },
    ]);
  });
});
