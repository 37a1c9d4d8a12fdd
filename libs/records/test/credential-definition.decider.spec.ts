import { given } from '@app/testing';
import { CourseDefinition, credentialDefinitionDecider, CredentialDefinitionEvent, PublishCredentialDefinitionVersion } from '../src';
import { GTX, gtxCourse, MITX, sc0x } from './records.fixtures';

const sc1x: CourseDefinition = { ...sc0x, courseId: 'mitx-ctl.sc1x', title: 'Supply Chain Fundamentals' };
const courses = new Map<string, CourseDefinition | null>([[sc0x.courseId, sc0x], [sc1x.courseId, sc1x], [gtxCourse.courseId, gtxCourse]]);

const publish = (over: Partial<PublishCredentialDefinitionVersion> = {}): PublishCredentialDefinitionVersion => ({
  kind: 'PublishCredentialDefinitionVersion',
  code: 'MITx-SCM-MM',
  actor: MITX,
  version: '2025',
  title: 'MicroMasters Program in Supply Chain Management',
  type: 'MicroMasters',
  components: [{ courseId: sc0x.courseId }, { courseId: sc1x.courseId, minGrade: { scale: 'percent', value: '70' } }],
  courses,
  publishedOn: '2025-01-15',
  ...over,
});

const published = (version = '2025', issuerId = 'mitx'): CredentialDefinitionEvent => ({
  type: 'CredentialDefinitionPublished',
  data: {
    code: 'MITx-SCM-MM',
    issuerId,
    version,
    title: 'MicroMasters Program in Supply Chain Management',
    type: 'MicroMasters',
    components: [
      { courseId: sc0x.courseId, courseTitle: 'Supply Chain Analytics', minGrade: null },
      { courseId: sc1x.courseId, courseTitle: 'Supply Chain Fundamentals', minGrade: { scale: 'percent', value: '70' } },
    ],
    publishedOn: '2025-01-15',
  },
});

describe('credential definition decider: PublishCredentialDefinitionVersion', () => {
  it('publishes the first version: the issuer owns the code; each component with its course title and minimum', () => {
    given(credentialDefinitionDecider).when(publish()).then([published()]);
  });
  it('publishes a further version of its own code', () => {
    given(credentialDefinitionDecider, [published()]).when(publish({ version: '2026' })).then([published('2026')]);
  });
  it('folds the versions in order, the first publisher staying the owner', () => {
    const state = [published(), published('2026')].reduce(credentialDefinitionDecider.evolve, credentialDefinitionDecider.initialState);
    expect(state).toMatchObject({ code: 'MITx-SCM-MM', issuerId: 'mitx', versions: [{ version: '2025' }, { version: '2026' }] });
  });
  it('refuses the same version twice (immutable): 409', () => {
    given(credentialDefinitionDecider, [published()]).when(publish()).thenRefuses('conflict', 'credential-definition-version-exists');
  });
  it('refuses another issuer publishing a version of a code it does not own: 403', () => {
    given(credentialDefinitionDecider, [published()]).when(publish({ actor: GTX, version: '2026', components: [{ courseId: gtxCourse.courseId }] })).thenRefuses('forbidden', 'not-credential-definition-issuer');
  });
  it('refuses a role other than issuer: 403', () => {
    given(credentialDefinitionDecider).when(publish({ actor: { institutionId: 'mitx', role: 'registrar' } })).thenRefuses('forbidden', 'not-issuer');
  });
  it('refuses no components, a repeated one, an unknown course (400 with the pointer)', () => {
    given(credentialDefinitionDecider).when(publish({ components: [] })).thenRefuses('invalid', 'no-components');
    const repeated = given(credentialDefinitionDecider).when(publish({ components: [{ courseId: sc0x.courseId }, { courseId: sc0x.courseId }] })).thenRefuses('invalid', 'repeated-component');
    expect(repeated.details).toEqual({ path: '/components/1/courseId' });
    const unknown = given(credentialDefinitionDecider).when(publish({ components: [{ courseId: sc0x.courseId }, { courseId: 'mitx-ctl.nope' }] })).thenRefuses('invalid', 'component-course-not-found');
    expect(unknown.details).toEqual({ path: '/components/1/courseId' });
  });
  it('refuses a course of another issuer as a component (403 with the pointer)', () => {
    const error = given(credentialDefinitionDecider).when(publish({ components: [{ courseId: gtxCourse.courseId }] })).thenRefuses('forbidden', 'component-of-another-issuer');
    expect(error.details).toEqual({ path: '/components/0/courseId' });
  });
  it('refuses an unreadable minimum grade and a bad date (400)', () => {
    const error = given(credentialDefinitionDecider).when(publish({ components: [{ courseId: sc0x.courseId, minGrade: { scale: 'percent', value: '130' } }] })).thenRefuses('invalid', 'invalid-grade');
    expect(error.details).toEqual({ path: '/components/0/minGrade/value' });
    given(credentialDefinitionDecider).when(publish({ publishedOn: '2025-13-01' })).thenRefuses('invalid', 'invalid-date');
  });
});
