/**
 * The submitting university's side: it finds the program and the policy in effect in the
 * receiving institution's published catalog before submitting, and follows the requests it sent.
 * Both read the projections (eventually consistent): each read sends the position of the write it
 * must reflect as `minPosition`, so the server answers once its read models have reached it.
 */
import type { Catalog, QueuePage, SubmissionEntry } from '@app/projections';
import { ApiClient, ApiError } from './http-client';
import { pad, Reporter } from './report';
import { ScenarioIds } from './scm-fixtures';

const sentAs = (client: ApiClient, path: string) => ({ method: 'GET' as const, url: new URL(path, client.baseUrl).toString(), as: client.as, headers: {} });

/** GET /catalog/{receiving institution} after the publication (`published`: its position); prints what the university learns. */
export async function findProgramInCatalog(university: ApiClient, ids: ScenarioIds, published: number, report: Reporter): Promise<void> {
  const path = `/catalog/${ids.mit}`;
  const started = Date.now();
  const { body } = await university.get<Catalog>(path, { minPosition: published });
  const program = body.programs.find((p) => p.programId === ids.programId);
  if (!program?.policyInEffect) throw new ApiError(sentAs(university, path), 200, `the catalog up to position ${body.upToPosition} does not list ${ids.programId} with a policy in effect`, body);
  report.step(
    `${ids.university} reads ${ids.mit}'s catalog (GET ${path}, minPosition ${published}, answered in ${Date.now() - started} ms): ` +
      `${body.programs.length} program(s), ${body.policies.length} recognition polic${body.policies.length === 1 ? 'y' : 'ies'}`,
  );
  const latest = program.versions.find((v) => v.version === program.latestVersion);
  report.detail(`program ${program.programId}, latest version ${program.latestVersion}${latest ? `: ${latest.totalCredits} ${latest.creditUnit}` : ''}`);
  report.detail(`a request submitted today is evaluated under policy ${program.policyInEffect.policyId} version ${program.policyInEffect.version}`);
}

/** GET /submissions after the university's last write (`lastWrite`: its position): every request it sent, with where it went and where it stands. */
export async function followSubmissions(university: ApiClient, ids: ScenarioIds, sent: number, lastWrite: number, report: Reporter): Promise<void> {
  const { body } = await university.get<QueuePage<SubmissionEntry>>('/submissions', { minPosition: lastWrite });
  if (body.total < sent) throw new ApiError(sentAs(university, '/submissions'), 200, `/submissions up to position ${body.upToPosition} lists ${body.total} of the ${sent} requests sent`, body);
  const counts = Object.entries(body.counts).sort(([a], [b]) => (a < b ? -1 : 1)).map(([status, n]) => `${n} ${status}`).join(', ');
  report.step(`${ids.university} follows its requests (GET /submissions, minPosition ${lastWrite}, up to position ${body.upToPosition}): ${body.total} sent (${counts})`);
  for (const r of body.items) {
    const proposed = r.proposedCredits === null ? 'not evaluated yet' : `${r.proposedCredits} ${r.unit ?? ''} proposed`;
    report.detail(`${r.requestId}  ${pad(r.status, 9)} to ${r.receivingInstitution} for ${r.programId}@${r.programVersion}: learner ${r.learnerId}, ${r.itemCount} item(s), ${proposed}, ${r.ageDays} day(s) old`);
  }
}
