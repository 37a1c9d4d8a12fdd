/**
 * The submitting university's side: it finds the program and the policy in effect in the
 * receiving institution's published catalog before submitting, and follows the requests it sent.
 * Both read the projections (eventually consistent), so the catalog is polled until it lists the
 * program just published.
 */
import type { Catalog, QueuePage, SubmissionEntry } from '@app/projections';
import { DEFAULT_POLL, PollOptions } from './eligibility';
import { ApiClient, ApiError } from './http-client';
import { pad, Reporter } from './report';
import { ScenarioIds } from './scm-fixtures';

/** GET /catalog/{receiving institution} until it lists the program with a policy in effect; prints what the university learns. */
export async function findProgramInCatalog(university: ApiClient, ids: ScenarioIds, report: Reporter, poll: PollOptions = DEFAULT_POLL): Promise<void> {
  const path = `/catalog/${ids.mit}`;
  const started = Date.now();
  for (;;) {
    const { body } = await university.get<Catalog>(path);
    const program = body.programs.find((p) => p.programId === ids.programId);
    if (program?.policyInEffect) {
      report.step(`${ids.university} reads ${ids.mit}'s catalog (GET ${path}, waited ${Date.now() - started} ms): ${body.programs.length} program(s), ${body.policies.length} recognition polic${body.policies.length === 1 ? 'y' : 'ies'}`);
      const latest = program.versions.find((v) => v.version === program.latestVersion);
      report.detail(`program ${program.programId}, latest version ${program.latestVersion}${latest ? `: ${latest.totalCredits} ${latest.creditUnit}` : ''}`);
      report.detail(`a request submitted today is evaluated under policy ${program.policyInEffect.policyId} version ${program.policyInEffect.version}`);
      return;
    }
    if (Date.now() - started >= poll.timeoutMs) {
      throw new ApiError({ method: 'GET', url: new URL(path, university.baseUrl).toString(), as: university.as, headers: {} }, 200, `the catalog does not list ${ids.programId} with a policy in effect after ${poll.timeoutMs} ms`, body);
    }
    await new Promise((resolve) => setTimeout(resolve, poll.intervalMs));
  }
}

/** GET /submissions (asked again until it lists the `sent` requests of this run): every request the university sent, with where it went and where it stands. */
export async function followSubmissions(university: ApiClient, ids: ScenarioIds, sent: number, report: Reporter, poll: PollOptions = DEFAULT_POLL): Promise<void> {
  const started = Date.now();
  let { body } = await university.get<QueuePage<SubmissionEntry>>('/submissions');
  while (body.total < sent) {
    if (Date.now() - started >= poll.timeoutMs) {
      throw new ApiError({ method: 'GET', url: new URL('/submissions', university.baseUrl).toString(), as: university.as, headers: {} }, 200, `/submissions lists ${body.total} of the ${sent} requests sent after ${poll.timeoutMs} ms`, body);
    }
    await new Promise((resolve) => setTimeout(resolve, poll.intervalMs));
    ({ body } = await university.get<QueuePage<SubmissionEntry>>('/submissions'));
  }
  const counts = Object.entries(body.counts).sort(([a], [b]) => (a < b ? -1 : 1)).map(([status, n]) => `${n} ${status}`).join(', ');
  report.step(`${ids.university} follows its requests (GET /submissions, up to position ${body.upToPosition}): ${body.total} sent (${counts})`);
  for (const r of body.items) {
    const proposed = r.proposedCredits === null ? 'not evaluated yet' : `${r.proposedCredits} ${r.unit ?? ''} proposed`;
    report.detail(`${r.requestId}  ${pad(r.status, 9)} to ${r.receivingInstitution} for ${r.programId}@${r.programVersion}: learner ${r.learnerId}, ${r.itemCount} item(s), ${proposed}, ${r.ageDays} day(s) old`);
  }
}
