import { ItemFilter, Program, RecognitionPolicy, RequirementNode, childrenOf, isAllOf, isAnyOf, isCourse } from '@app/requirements';

/**
 * What a program or policy definition names outside itself, and the verdict on each name at
 * publication (docs/program-language.md and docs/recognition-policy-language.md, "References"):
 *
 * - institutions (acceptedIssuers, an equivalency's issuer, a filter's issuers, a pathway
 *   credential's issuer) and a policy's program must exist: 400. A name the platform does not know
 *   can never match evidence (evidence always carries the registered id), so it is a mistake
 *   ("MITx" for "mitx"), and nothing is lost by registering first.
 * - courses may be named before they exist (a warning in the 201 answer): a program names its own
 *   on-campus courses, and a policy the courses of an issuer, before anyone has recorded them;
 *   the definition starts to match as soon as they are. A course that exists but can never match
 *   (another issuer's course under an equivalency for this issuer) is a 400.
 * - credential codes and types are not checked: the system holds no credential definitions.
 */
export type DefinitionReference =
  | { kind: 'institution'; id: string; path: string }
  | { kind: 'equivalency-issuer'; id: string; path: string }
  | { kind: 'program'; id: string; path: string }
  | { kind: 'program-course'; id: string; path: string }
  | { kind: 'external-course'; id: string; path: string; issuer: string | undefined; courseOnly: boolean }
  | { kind: 'granted-course'; id: string; path: string };

/** What the publisher's deployment knows, looked up for the references found. */
export interface KnownReferences {
  institutions: ReadonlySet<string>;
  /** Courses defined in records, by id (only those named need be present). */
  courses: ReadonlyMap<string, { issuerId: string }>;
  /** Published programs, by id, with their owner. */
  programs: ReadonlyMap<string, { institutionId: string }>;
  /** For a policy: the internal courses its program(s) name (every version). */
  programCourses: ReadonlySet<string>;
  /** For a program: the internal courses the institution's published policies grant. */
  grantedCourses: ReadonlySet<string>;
}

export interface ReferenceFinding {
  path: string;
  code: string;
  message: string;
}

export interface ReferenceReport {
  errors: ReferenceFinding[];
  warnings: ReferenceFinding[];
}

export function programReferences(program: Program): DefinitionReference[] {
  const refs: DefinitionReference[] = [];
  const filter = (f: ItemFilter | undefined, at: string) => {
    f?.issuers?.forEach((id, k) => refs.push({ kind: 'institution', id, path: `${at}/issuers/${k}` }));
    f?.courses?.forEach((id, k) => refs.push({ kind: 'program-course', id, path: `${at}/courses/${k}` }));
  };
  const walk = (node: RequirementNode, at: string) => {
    node.limits?.forEach((l, i) => filter(l.filter, `${at}/limits/${i}/filter`));
    if ('filter' in node) filter(node.filter, `${at}/filter`);
    if (isCourse(node)) refs.push({ kind: 'program-course', id: node.course, path: `${at}/course` });
    const key = isAllOf(node) ? 'allOf' : isAnyOf(node) ? 'anyOf' : 'of';
    childrenOf(node).forEach((child, i) => walk(child, `${at}/${key}/${i}`));
  };
  walk(program.requirements, '/requirements');
  const residency = program.residency;
  residency?.standard?.courses?.forEach((id, k) => refs.push({ kind: 'program-course', id, path: `/residency/standard/courses/${k}` }));
  residency?.reducedPathways?.forEach((p, i) => {
    const at = `/residency/reducedPathways/${i}`;
    p.residency.courses?.forEach((id, k) => refs.push({ kind: 'program-course', id, path: `${at}/residency/courses/${k}` }));
    p.requires.forEach((c, j) => {
      if ('credential' in c && c.credential.issuer !== undefined) refs.push({ kind: 'institution', id: c.credential.issuer, path: `${at}/requires/${j}/credential/issuer` });
      if ('requirement' in c) walk(c.requirement, `${at}/requires/${j}/requirement`);
    });
  });
  return refs;
}

export function policyReferences(policy: RecognitionPolicy): DefinitionReference[] {
  const refs: DefinitionReference[] = [];
  if (policy.programId !== undefined) refs.push({ kind: 'program', id: policy.programId, path: '/programId' });
  policy.acceptedIssuers.forEach((id, i) => refs.push({ kind: 'institution', id, path: `/acceptedIssuers/${i}` }));
  (policy.equivalencies ?? []).forEach((e, i) => {
    const at = `/equivalencies/${i}`;
    if (e.match.issuer !== undefined) refs.push({ kind: 'equivalency-issuer', id: e.match.issuer, path: `${at}/match/issuer` });
    if (e.match.kind !== 'credential') refs.push({ kind: 'external-course', id: e.match.code, path: `${at}/match/code`, issuer: e.match.issuer, courseOnly: e.match.kind === 'course' });
    if (e.grant.as === 'course') refs.push({ kind: 'granted-course', id: e.grant.courseId, path: `${at}/grant/courseId` });
  });
  return refs;
}

/** The verdict on each reference; `owner` is the publishing institution, `acceptedIssuers` the policy's (policies only). */
export function judgeReferences(refs: readonly DefinitionReference[], known: KnownReferences, owner: string, acceptedIssuers: readonly string[] = []): ReferenceReport {
  const report: ReferenceReport = { errors: [], warnings: [] };
  const error = (path: string, code: string, message: string) => report.errors.push({ path, code, message });
  const warn = (path: string, code: string, message: string) => report.warnings.push({ path, code, message });
  const institution = (id: string, path: string) => {
    if (known.institutions.has(id)) return true;
    const near = [...known.institutions].find((k) => k.toLowerCase() === id.toLowerCase());
    error(path, 'unknown-institution', `no institution "${id}" is registered (institutions are named by their platform id${near ? `: did you mean "${near}"?` : ''})`);
    return false;
  };
  for (const ref of refs) {
    switch (ref.kind) {
      case 'institution':
        institution(ref.id, ref.path);
        break;
      case 'equivalency-issuer':
        if (institution(ref.id, ref.path) && !acceptedIssuers.includes(ref.id)) {
          error(ref.path, 'issuer-not-accepted', `issuer "${ref.id}" is not in acceptedIssuers: this equivalency could never apply`);
        }
        break;
      case 'program': {
        const program = known.programs.get(ref.id);
        if (!program) error(ref.path, 'unknown-program', `no program "${ref.id}" is published: publish it first (POST /programs/${ref.id}/versions)`);
        else if (program.institutionId !== owner) error(ref.path, 'program-of-another-institution', `program "${ref.id}" belongs to ${program.institutionId}, not ${owner}`);
        break;
      }
      case 'external-course': {
        const course = known.courses.get(ref.id);
        if (course && ref.issuer !== undefined && course.issuerId !== ref.issuer) {
          error(ref.path, 'course-of-another-issuer', `course "${ref.id}" is issued by ${course.issuerId}, not ${ref.issuer}: this equivalency could never apply`);
        } else if (course && ref.issuer === undefined && !acceptedIssuers.includes(course.issuerId)) {
          error(ref.path, 'course-issuer-not-accepted', `course "${ref.id}" is issued by ${course.issuerId}, which acceptedIssuers does not list: this equivalency could never apply`);
        } else if (!course) {
          const hint = ref.courseOnly ? '' : ' (if it is a credential code, say match.kind "credential")';
          warn(ref.path, 'course-not-recorded', `no course "${ref.id}" is recorded yet${hint}: the equivalency applies once its issuer defines it`);
        }
        break;
      }
      case 'granted-course':
        if (!known.programCourses.has(ref.id)) {
          warn(ref.path, 'course-not-in-program', `no program of ${owner} in this policy's scope names course "${ref.id}": the credit counts toward credit and count rules only, until a program version names it`);
        }
        break;
      case 'program-course':
        if (!known.courses.has(ref.id) && !known.grantedCourses.has(ref.id)) {
          warn(ref.path, 'course-not-known', `course "${ref.id}" is not recorded and no published policy of ${owner} grants it: nothing counts toward it until one of them does`);
        }
        break;
    }
  }
  return report;
}
