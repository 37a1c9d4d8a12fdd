import { Decider, DomainError, refuse } from '@app/kernel';
import { CourseDefinition } from './course.events';
import { AutoAwardTemplate, CredentialComponent, CredentialDefinitionEvent, CredentialDefinitionVersion } from './credential-definition.events';
import { ActorRef, assertCredits, assertDate, assertEqfLevel, assertGrade, CredentialType, Grade } from './records.values';

export type PublishCredentialDefinitionVersion = {
  kind: 'PublishCredentialDefinitionVersion';
  code: string;
  actor: ActorRef;
  version: string;
  title: string;
  type: CredentialType;
  components: { courseId: string; minGrade?: Grade | null }[];
  /** From the application layer: each component course as defined now (null: not defined). */
  courses: ReadonlyMap<string, CourseDefinition | null>;
  publishedOn: string;
  /** Award automatically when a learner's completions complete this version (auto-award.ts). */
  autoAward?: AutoAwardTemplate | null;
};
export type CredentialDefinitionCommand = PublishCredentialDefinitionVersion;

/** null issuer until the first version is published; versions oldest first. */
export type CredentialDefinitionState = {
  code: string | null;
  issuerId: string | null;
  versions: CredentialDefinitionVersion[];
};

export const EMPTY_CREDENTIAL_DEFINITION: CredentialDefinitionState = { code: null, issuerId: null, versions: [] };

/** The version published last (what an award is checked against by default), or null. */
export const latestDefinitionVersion = (state: CredentialDefinitionState): CredentialDefinitionVersion | null => state.versions.at(-1) ?? null;

const atComponent = (index: number, field: string) => `/components/${index}/${field}`;

/** Every component: a course defined (400 otherwise), by the publishing issuer (403), once (400), with a readable minimum (400). */
function componentsOf(command: PublishCredentialDefinitionVersion): CredentialComponent[] {
  if (command.components.length === 0) throw refuse.invalid('no-components', 'a credential definition names at least one component course', '/components');
  const seen = new Set<string>();
  return command.components.map((component, index) => {
    if (seen.has(component.courseId)) throw refuse.invalid('repeated-component', `course ${component.courseId} is named twice`, atComponent(index, 'courseId'));
    seen.add(component.courseId);
    const course = command.courses.get(component.courseId) ?? null;
    if (!course) throw refuse.invalid('component-course-not-found', `course ${component.courseId} is not defined`, atComponent(index, 'courseId'));
    if (course.issuerId !== command.actor.institutionId) {
      throw new DomainError('forbidden', 'component-of-another-issuer', `course ${component.courseId} belongs to ${course.issuerId}: a credential program is made of its issuer's own courses`, {
        path: atComponent(index, 'courseId'),
      });
    }
    const minGrade = component.minGrade ?? null;
    if (minGrade) assertGrade(minGrade, atComponent(index, 'minGrade'));
    return { courseId: course.courseId, courseTitle: course.title, minGrade: minGrade ? { scale: minGrade.scale, value: minGrade.value } : null };
  });
}

const copyTemplate = (t: AutoAwardTemplate): AutoAwardTemplate => ({
  learningOutcomes: [...t.learningOutcomes],
  workload: { credits: t.workload.credits, unit: t.workload.unit },
  eqfLevel: t.eqfLevel,
  assessmentType: t.assessmentType,
  participation: t.participation,
  qualityAssurance: t.qualityAssurance,
});

/**
 * What a credential program requires (stream `credentialdef-<code>`). Codes are global, like course
 * ids: the issuer that publishes the first version owns the code, and only it publishes further
 * versions (403 otherwise; the definition is public). Versions are immutable: the same version
 * twice is a conflict (409) whatever its content.
 */
export const credentialDefinitionDecider: Decider<CredentialDefinitionCommand, CredentialDefinitionState, CredentialDefinitionEvent> = {
  initialState: EMPTY_CREDENTIAL_DEFINITION,

  decide(command, state) {
    if (command.actor.role !== 'issuer') throw refuse.forbidden('not-issuer', 'only an issuer publishes credential definitions');
    const owner = state.issuerId ?? command.actor.institutionId;
    if (owner !== command.actor.institutionId) {
      throw refuse.forbidden('not-credential-definition-issuer', `credential code ${command.code} is defined by ${owner}; only ${owner} publishes its versions`);
    }
    if (state.versions.some((v) => v.version === command.version)) {
      throw refuse.conflict('credential-definition-version-exists', `credential ${command.code} version ${command.version} is already published and immutable`);
    }
    const components = componentsOf(command);
    assertDate(command.publishedOn, '/publishedOn');
    const { code, version, title, type, publishedOn } = command;
    const autoAward = command.autoAward ?? null;
    if (autoAward) {
      assertCredits(autoAward.workload.credits, '/autoAward/workload/credits');
      assertEqfLevel(autoAward.eqfLevel, '/autoAward/eqfLevel');
    }
    const data = { code, issuerId: owner, version, title, type, components, publishedOn, ...(autoAward ? { autoAward: copyTemplate(autoAward) } : {}) };
    return [{ type: 'CredentialDefinitionPublished', data }];
  },

  evolve(state, event) {
    const { code, issuerId, ...version } = event.data;
    return { code, issuerId: state.issuerId ?? issuerId, versions: [...state.versions, { ...version, components: version.components.map((c) => ({ ...c })) }] };
  },
};
