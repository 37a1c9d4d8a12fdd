import request from 'supertest';
import { provision, RoleName } from '../../support/provision';
import { startStandalone, StandaloneUnderTest } from '../../support/standalone-app';

/**
 * One standalone app per scenario file, driven over its public HTTP API only: the admin
 * provisions institutions, issuers define courses and record learners, registrars publish,
 * admit and decide, submitting universities submit. Every refused call fails the scenario with
 * the server's answer, so a broken step says what was sent and what came back.
 */
export type CreditUnit = 'ECTS' | 'US_SEMESTER' | 'US_QUARTER' | 'UK_CATS';
export type Grade = { scale: 'percent' | 'letter' | 'pass-fail' | 'numeric-4'; value: string };

export interface InstitutionDef {
  id: string;
  name: string;
  country: string;
  creditUnit: CreditUnit;
  roles: RoleName[];
}

export interface CourseDef {
  courseId: string;
  title: string;
  credits: string;
  unit: CreditUnit;
  eqfLevel: number;
  field: string;
  tags?: string[];
  assessmentType?: 'proctored-exam' | 'online-assessment' | 'onsite-exam' | 'project' | 'portfolio' | 'none';
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export class ScenarioWorld {
  private readonly tokens = new Map<string, Record<string, string>>();

  private constructor(private readonly app: StandaloneUnderTest) {}

  static async start(env: Record<string, string> = {}): Promise<ScenarioWorld> {
    return new ScenarioWorld(await startStandalone(env));
  }

  close(): Promise<void> {
    return this.app.close();
  }

  async institutions(defs: InstitutionDef[]): Promise<void> {
    for (const d of defs) {
      const tokens = await provision(this.app, { institutionId: d.id, name: d.name, country: d.country, creditUnit: d.creditUnit }, d.roles);
      this.tokens.set(d.id, tokens);
    }
  }

  /** An auditor credential of `institutionId` whose audit scope is `scope` (institution ids). */
  async auditor(institutionId: string, scope: string[]): Promise<void> {
    const res = await request(this.app.server).post(`/institutions/${institutionId}/credentials`).auth(this.app.adminToken, { type: 'bearer' }).send({ role: 'auditor', label: `auditor of ${scope.join(', ')}`, auditScope: scope });
    const { token } = checked('POST', `/institutions/${institutionId}/credentials`, undefined, res, [201]).body as { token: string };
    this.tokens.set(institutionId, { ...this.tokens.get(institutionId), auditor: token });
  }

  /** The bearer credential of `institutionId` for `role`. */
  token(institutionId: string, role: RoleName): string {
    const token = this.tokens.get(institutionId)?.[role];
    if (!token) throw new Error(`no ${role} credential provisioned for ${institutionId}`);
    return token;
  }

  async get(institutionId: string, role: RoleName, path: string, expected: number[] = [200]): Promise<HttpAnswer> {
    const res = await request(this.app.server).get(path).auth(this.token(institutionId, role), { type: 'bearer' });
    return checked('GET', path, undefined, res, expected);
  }

  async post(institutionId: string, role: RoleName, path: string, body: unknown, options: { ifMatch?: string; expected?: number[] } = {}): Promise<HttpAnswer> {
    let req = request(this.app.server).post(path).auth(this.token(institutionId, role), { type: 'bearer' });
    if (options.ifMatch) req = req.set('If-Match', options.ifMatch);
    const res = await req.send(body as object);
    return checked('POST', path, body, res, options.expected ?? [201]);
  }

  async defineCourses(issuerId: string, courses: CourseDef[]): Promise<void> {
    for (const c of courses) await this.post(issuerId, 'issuer', '/courses', { assessmentType: 'online-assessment', ...c });
  }

  async publish(registrarId: string, program: Record<string, unknown>, policy: Record<string, unknown>): Promise<void> {
    await this.post(registrarId, 'registrar', `/programs/${String(program.id)}/versions`, { definition: program });
    await this.post(registrarId, 'registrar', `/policies/${String(policy.id)}/versions`, { definition: policy });
  }
}

function checked(method: string, path: string, sent: unknown, res: request.Response, expected: number[]): HttpAnswer {
  if (!expected.includes(res.status)) {
    const what = sent === undefined ? '' : ` with ${JSON.stringify(sent)}`;
    throw new Error(`${method} ${path}${what} answered ${res.status}, expected ${expected.join(' or ')}: ${JSON.stringify(res.body)}`);
  }
  return { status: res.status, body: res.body as unknown, headers: res.headers as Record<string, string> };
}
