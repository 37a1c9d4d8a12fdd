import request from 'supertest';
import type { StandaloneUnderTest } from './standalone-app';

export type RoleName = 'admin' | 'issuer' | 'submitter' | 'registrar' | 'auditor';

export interface InstitutionSpec {
  institutionId: string;
  name: string;
  country: string;
  creditUnit: 'ECTS' | 'US_SEMESTER' | 'US_QUARTER' | 'UK_CATS';
}

/** Registers an institution through the admin API and issues one credential per role; returns the tokens. */
export async function provision(t: Pick<StandaloneUnderTest, 'server' | 'adminToken'>, spec: InstitutionSpec, roles: RoleName[]): Promise<Record<string, string>> {
  await request(t.server).post('/institutions').auth(t.adminToken, { type: 'bearer' }).send(spec).expect(201);
  const tokens: Record<string, string> = {};
  for (const role of roles) {
    const res = await request(t.server)
      .post(`/institutions/${spec.institutionId}/credentials`)
      .auth(t.adminToken, { type: 'bearer' })
      .send({ role, label: `${role} of ${spec.institutionId}` })
      .expect(201);
    tokens[role] = res.body.token as string;
  }
  return tokens;
}

/** An auditor of the platform operator, reading across every institution. */
export async function platformAuditor(t: Pick<StandaloneUnderTest, 'server' | 'adminToken'>): Promise<string> {
  const res = await request(t.server)
    .post('/institutions/platform/credentials')
    .auth(t.adminToken, { type: 'bearer' })
    .send({ role: 'auditor', label: 'accreditor', auditScope: ['*'] })
    .expect(201);
  return res.body.token as string;
}

/** Every operation the OpenAPI document lists, as "METHOD /path/{param}". */
export async function openApiOperations(t: StandaloneUnderTest): Promise<string[]> {
  const doc = await request(t.server).get('/docs-json').expect(200);
  const paths = doc.body.paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}
