import request from 'supertest';
import { courseBody, scmPolicy, scmProgram } from '../libs/transfer/test/scm-pathway.http-fixtures';
import { policies } from '../libs/requirements/fixtures';
import { provision } from './support/provision';
import { startStandalone, StandaloneUnderTest } from './support/standalone-app';

/**
 * Publishing a definition over HTTP, as a registrar new to the languages would: EQF levels in one
 * notation, the catalog year, and what a definition names outside itself (400 with the pointer for
 * institutions and programs; warnings in the 201 answer for courses not recorded yet). Nothing is
 * appended by a refusal.
 */
describe('publishing definitions: grammars and references', () => {
  let t: StandaloneUnderTest;
  let registrar: string;
  const publish = (kind: 'programs' | 'policies', id: string, definition: unknown) =>
    request(t.server).post(`/${kind}/${id}/versions`).auth(registrar, { type: 'bearer' }).send({ definition });
  const refused = async (kind: 'programs' | 'policies', id: string, definition: unknown, code: string) => {
    const before = await t.store.headPosition();
    const res = await publish(kind, id, definition).expect(400);
    expect(res.body.code).toBe(code);
    expect(await t.store.headPosition()).toBe(before);
    return res.body.errors as { path: string; message: string }[];
  };

  beforeAll(async () => {
    t = await startStandalone();
    registrar = (await provision(t, { institutionId: 'mit', name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER' }, ['registrar'])).registrar;
    const issuer = (await provision(t, { institutionId: 'mitx', name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER' }, ['issuer'])).issuer;
    await request(t.server).post('/courses').auth(issuer, { type: 'bearer' }).send(courseBody('sc0x')).expect(201);
  }, 60000);
  afterAll(() => t?.close());

  it('a policy naming its program before the program is published is refused at /definition/programId', async () => {
    const errors = await refused('policies', 'mit-scm-recognition', scmPolicy(), 'definition-references-invalid');
    expect(errors).toEqual([expect.objectContaining({ path: '/definition/programId', message: expect.stringContaining('publish it first') })]);
  });

  it('a program version that is not a catalog year is refused, naming the form', async () => {
    const errors = await refused('programs', 'mit-scm', { ...scmProgram(), version: '2026.1' }, 'program-definition-invalid');
    expect(errors).toEqual([expect.objectContaining({ path: '/definition/version', message: expect.stringContaining('"2026-2027"') })]);
  });

  it('publishing the program answers 201 with warnings for the courses nobody records or grants yet (forward references allowed)', async () => {
    const res = await publish('programs', 'mit-scm', scmProgram()).expect(201);
    expect(res.body).toMatchObject({ id: 'mit-scm', revision: 0, replayed: false });
    const warned = (res.body.warnings as { path: string; code: string; message: string }[]).map((w) => w.message.match(/course "([^"]+)"/)?.[1]);
    expect(warned).toEqual(['SCM.SC0x', 'SCM.SC1x', 'SCM.SC2x', 'SCM.SC3x', 'SCM.SC4x', 'SCM.CFx', 'SCM.260', 'SCM.261', 'SCM.262', 'SCM.290']);
    expect(res.body.warnings[0]).toEqual({ path: '/definition/requirements/allOf/0/anyOf/0/allOf/0/course', code: 'course-not-known', message: expect.any(String) });
  });

  it.each([[['7']], [[7]], [['eqf7']]])('a policy with levels %j is refused at /definition/levels/0, naming "EQF7"', async (levels) => {
    const errors = await refused('policies', 'mit-scm-recognition', { ...scmPolicy(), levels }, 'policy-definition-invalid');
    expect(errors).toEqual([{ location: 'body', path: '/definition/levels/0', message: expect.stringContaining('write "EQF7"') }]);
  });

  it('a policy naming issuers as written in prose ("MITx") is refused at each pointer, suggesting the registered id', async () => {
    const asWritten = { ...(JSON.parse(JSON.stringify(policies.scmPolicy)) as Record<string, unknown>), receivingInstitution: 'mit' };
    const errors = await refused('policies', 'mit-scm-recognition', asWritten, 'definition-references-invalid');
    expect(errors).toContainEqual(expect.objectContaining({ path: '/definition/acceptedIssuers/0', message: expect.stringContaining('did you mean "mitx"?') }));
    expect(errors).toContainEqual(expect.objectContaining({ path: '/definition/equivalencies/0/match/issuer' }));
  });

  it('the policy with levels ["EQF7"] is published; its equivalencies for courses mitx has not recorded yet are warnings', async () => {
    const res = await publish('policies', 'mit-scm-recognition', { ...scmPolicy(), levels: ['EQF7'] }).expect(201);
    expect(res.body.warnings.map((w: { path: string }) => w.path)).toEqual([1, 2, 3, 4, 5].map((i) => `/definition/equivalencies/${i}/match/code`));
    expect(res.body.warnings.every((w: { code: string }) => w.code === 'course-not-recorded')).toBe(true);
  });

  it('a next program version no longer warns about the courses the published policy grants', async () => {
    const res = await publish('programs', 'mit-scm', { ...scmProgram(), version: '2027-2028' }).expect(201);
    const warned = (res.body.warnings as { message: string }[]).map((w) => w.message.match(/course "([^"]+)"/)?.[1]);
    expect(warned).toEqual(['SCM.260', 'SCM.261', 'SCM.262', 'SCM.290']);
  });

  it('a program filter naming an unregistered issuer is refused at its pointer', async () => {
    const program = scmProgram() as { requirements: Record<string, unknown> };
    const definition = { ...program, version: '2028-2029', requirements: { ...program.requirements, limits: [{ maxCredits: 10, filter: { issuers: ['harvardx'] } }] } };
    const errors = await refused('programs', 'mit-scm', definition, 'definition-references-invalid');
    expect(errors).toEqual([expect.objectContaining({ path: '/definition/requirements/limits/0/filter/issuers/0', message: expect.stringContaining('no institution "harvardx"') })]);
  });
});
