/** Step 1: the platform operator (admin token) registers the three institutions and issues their credentials. */
import { ApiClient } from './http-client';
import { pad, Reporter } from './report';
import { ScenarioIds } from './scm-fixtures';

type Role = 'issuer' | 'submitter' | 'registrar';

interface InstitutionSpec {
  institutionId: string;
  name: string;
  country: string;
  creditUnit: 'ECTS' | 'US_SEMESTER';
  role: Role;
  why: string;
}

/** One client per institution, each with the credential of its role. */
export interface InstitutionClients {
  mitx: ApiClient;
  mit: ApiClient;
  university: ApiClient;
}

export async function provisionInstitutions(admin: ApiClient, ids: ScenarioIds, report: Reporter): Promise<InstitutionClients> {
  report.section('Institutions and credentials (platform admin)');
  const specs: InstitutionSpec[] = [
    { institutionId: ids.mitx, name: 'MITx', country: 'US', creditUnit: 'US_SEMESTER', role: 'issuer', why: 'issues the MicroMasters' },
    { institutionId: ids.mit, name: 'MIT', country: 'US', creditUnit: 'US_SEMESTER', role: 'registrar', why: 'receiving institution' },
    { institutionId: ids.university, name: 'Universidade do Porto', country: 'PT', creditUnit: 'ECTS', role: 'submitter', why: 'submits on the learner’s behalf' },
  ];
  const clients: ApiClient[] = [];
  for (const spec of specs) {
    const { role, why, ...body } = spec;
    await admin.post('/institutions', body);
    const issued = await admin.post<{ token: string; credentialId: string }>(`/institutions/${spec.institutionId}/credentials`, { role, label: `${role} of ${spec.institutionId} (demo)` });
    report.step(`${pad(spec.name, 22)} ${pad(spec.institutionId, 26)} ${pad(role, 10)} credential …${issued.body.credentialId.slice(-8)}  (${why})`);
    clients.push(admin.withToken(issued.body.token, `${role} of ${spec.institutionId}`));
  }
  const [mitx, mit, university] = clients;
  return { mitx, mit, university };
}
