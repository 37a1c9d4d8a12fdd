import { parseProgram, parseRecognitionPolicy, Program, RecognitionPolicy } from '@app/requirements';
import { judgeReferences, KnownReferences, policyReferences, programReferences } from '../src/domain/definition-references';
import { scmPolicy, scmProgram } from './scm-pathway.http-fixtures';

/** What a definition names, and the verdict per kind of reference (pure). */
const known = (extra: Partial<KnownReferences> = {}): KnownReferences => ({
  institutions: new Set(['mit', 'mitx']),
  courses: new Map([['mitx-ctl.sc0x', { issuerId: 'mitx' }], ['SCM.290', { issuerId: 'mit' }]]),
  programs: new Map([['mit-scm', { institutionId: 'mit' }]]),
  programCourses: new Set(['SCM.SC0x', 'SCM.SC1x', 'SCM.SC2x', 'SCM.SC3x', 'SCM.SC4x', 'SCM.CFx']),
  grantedCourses: new Set(['SCM.SC0x', 'SCM.SC1x', 'SCM.SC2x', 'SCM.SC3x', 'SCM.SC4x', 'SCM.CFx']),
  ...extra,
});
const parsedPolicy = (() => {
  const r = parseRecognitionPolicy(scmPolicy());
  if (!r.ok) throw new Error('fixture policy does not parse');
  return r.policy;
})();
const parsedProgram = (() => {
  const r = parseProgram(scmProgram());
  if (!r.ok) throw new Error('fixture program does not parse');
  return r.program;
})();
const policy = (extra: Partial<RecognitionPolicy> = {}): RecognitionPolicy => ({ ...parsedPolicy, ...extra });
const judgePolicy = (p: RecognitionPolicy, k = known()) => judgeReferences(policyReferences(p), k, 'mit', p.acceptedIssuers);
const judgeProgram = (p: Program, k = known()) => judgeReferences(programReferences(p), k, 'mit');

describe('references of a recognition policy', () => {
  it('given the SCM policy with its issuer, program and one recorded course, then no error; the five unrecorded courses are warnings', () => {
    const report = judgePolicy(policy());
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.path, w.code])).toEqual([1, 2, 3, 4, 5].map((i) => [`/equivalencies/${i}/match/code`, 'course-not-recorded']));
  });

  it('given an issuer the platform does not know, then 400 at its pointer, with the registered id it probably meant', () => {
    const report = judgePolicy(policy({ acceptedIssuers: ['MITx'] }));
    expect(report.errors).toContainEqual({ path: '/acceptedIssuers/0', code: 'unknown-institution', message: expect.stringContaining('did you mean "mitx"?') });
  });

  it('given an unknown program, or another institution\'s, then 400 at /programId', () => {
    expect(judgePolicy(policy({ programId: 'mit-scn' })).errors).toEqual([expect.objectContaining({ path: '/programId', code: 'unknown-program' })]);
    const foreign = known({ programs: new Map([['mit-scm', { institutionId: 'harvard' }]]) });
    expect(judgePolicy(policy(), foreign).errors).toEqual([expect.objectContaining({ path: '/programId', code: 'program-of-another-institution' })]);
  });

  it('given an equivalency that could never apply (issuer not accepted; a course of another issuer), then 400 at its pointer', () => {
    const p = policy();
    const [first, ...rest] = p.equivalencies ?? [];
    const notAccepted = judgePolicy({ ...p, equivalencies: [{ ...first, match: { ...first.match, issuer: 'mit' } }, ...rest] });
    expect(notAccepted.errors).toContainEqual(expect.objectContaining({ path: '/equivalencies/0/match/issuer', code: 'issuer-not-accepted' }));
    const otherIssuer = known({ courses: new Map([['mitx-ctl.sc0x', { issuerId: 'mit' }]]) });
    expect(judgePolicy(p, otherIssuer).errors).toEqual([expect.objectContaining({ path: '/equivalencies/0/match/code', code: 'course-of-another-issuer' })]);
  });

  it('given a grant to a course no program in scope names, then a warning (the credit still counts toward credit rules)', () => {
    const p = policy();
    const [first, ...rest] = p.equivalencies ?? [];
    const report = judgePolicy({ ...p, equivalencies: [{ ...first, grant: { as: 'course', courseId: 'SCM.999' } }, ...rest] });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toContainEqual(expect.objectContaining({ path: '/equivalencies/0/grant/courseId', code: 'course-not-in-program' }));
  });

  it('credential codes are not checked (the system holds no credential definitions)', () => {
    const refs = policyReferences(policy({ equivalencies: [{ id: 'mm', match: { issuer: 'mitx', code: 'MITx-SCM-MM', kind: 'credential' }, grant: { as: 'elective', credits: 12 } }] }));
    expect(refs.filter((r) => r.kind === 'external-course')).toEqual([]);
  });
});

describe('references of a program', () => {
  it('given the SCM program, then its own on-campus courses not recorded yet are warnings, never errors', () => {
    const report = judgeProgram(parsedProgram);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.path)).toEqual([
      '/requirements/allOf/0/anyOf/1/allOf/0/course',
      '/requirements/allOf/0/anyOf/1/allOf/1/course',
      '/requirements/allOf/0/anyOf/1/allOf/2/course',
    ]);
    expect(report.warnings[0]).toMatchObject({ code: 'course-not-known', message: expect.stringContaining('SCM.260') });
  });

  it('given a filter or a pathway naming an unknown issuer, then 400 at each pointer', () => {
    const program = parsedProgram;
    const withIssuers: Program = {
      ...program,
      requirements: { ...program.requirements, limits: [{ maxCredits: 10, filter: { issuers: ['edx'] } }] },
      residency: { standard: { months: 10 }, reducedPathways: [{ id: 'b', requires: [{ credential: { type: 'MicroMasters', issuer: 'MITx' } }], residency: { months: 5 } }] },
    };
    expect(judgeProgram(withIssuers).errors.map((e) => [e.path, e.code])).toEqual([
      ['/requirements/limits/0/filter/issuers/0', 'unknown-institution'],
      ['/residency/reducedPathways/0/requires/0/credential/issuer', 'unknown-institution'],
    ]);
  });
});
