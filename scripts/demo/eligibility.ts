/**
 * GET /eligibility: whether a learner's record satisfies a program and which residency applies.
 * It is read from the projections (eventually consistent), so the demo reads its own writes:
 * it sends the `position` of its last write as `minPosition`, and the server answers once its
 * read models have reached it (no polling).
 */
import type { EligibilityAnswer } from '@app/projections';
import { ApiClient, ApiError, SentRequest, serverMessageOf } from './http-client';

/** The answer's shape is the query API's own (a type only: the demo talks HTTP, it loads no server code). */
export type { EligibilityAnswer };

export interface EligibilityQuery {
  learnerId: string;
  programId: string;
  /** The global position of the last write the answer must reflect (sent as minPosition). */
  minPosition: number;
  on?: string;
}

/** The eligibility path with its query string. */
export function eligibilityPath(query: Omit<EligibilityQuery, 'minPosition'>): string {
  const params = new URLSearchParams({ learnerId: query.learnerId, programId: query.programId });
  if (query.on) params.set('on', query.on);
  return `/eligibility?${params.toString()}`;
}

/** The framework's answer for a route that does not exist, as opposed to the endpoint's own 404. */
const isMissingRoute = (body: unknown): boolean => serverMessageOf(body, '').startsWith('Cannot GET /eligibility');

/** Asks once, after the last write (`minPosition`); says how long the server took, waiting included. */
export async function readEligibility(registrar: ApiClient, query: EligibilityQuery): Promise<{ answer: EligibilityAnswer; waitedMs: number }> {
  const path = eligibilityPath(query);
  const started = Date.now();
  const response = await registrar.get<EligibilityAnswer | unknown>(path, { accept: [200, 404], minPosition: query.minPosition });
  if (response.status === 404) {
    const sent: SentRequest = { method: 'GET', url: new URL(path, registrar.baseUrl).toString(), as: registrar.as, headers: {} };
    const why = isMissingRoute(response.body) ? 'this server has no GET /eligibility endpoint: it predates the eligibility read model' : 'not found';
    throw new ApiError(sent, 404, `${why} (${serverMessageOf(response.body, 'not found')})`, response.body);
  }
  const answer = response.body as EligibilityAnswer;
  if (answer.upToPosition < query.minPosition) {
    const sent: SentRequest = { method: 'GET', url: new URL(path, registrar.baseUrl).toString(), as: registrar.as, headers: {} };
    throw new ApiError(sent, 200, `the answer reflects position ${answer.upToPosition}, before the last write at ${query.minPosition}: this server ignores minPosition`, answer);
  }
  return { answer, waitedMs: Date.now() - started };
}
