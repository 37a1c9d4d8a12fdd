/**
 * GET /eligibility: whether a learner's record satisfies a program and which residency applies,
 * read from the projections (eventually consistent), so it is polled until it has caught up
 * with the demo's last write.
 */
import type { EligibilityAnswer } from '@app/projections';
import { ApiClient, ApiError, SentRequest, serverMessageOf } from './http-client';

/** The answer's shape is the query API's own (a type only: the demo talks HTTP, it loads no server code). */
export type { EligibilityAnswer };

export interface EligibilityQuery {
  learnerId: string;
  programId: string;
  /** The global position of the last write the answer must reflect. */
  atLeastPosition: number;
  on?: string;
}

export interface PollOptions {
  timeoutMs: number;
  intervalMs: number;
}

export const DEFAULT_POLL: PollOptions = { timeoutMs: 5000, intervalMs: 50 };

/** The eligibility path with its query string. */
export function eligibilityPath(query: EligibilityQuery): string {
  const params = new URLSearchParams({ learnerId: query.learnerId, programId: query.programId });
  if (query.on) params.set('on', query.on);
  return `/eligibility?${params.toString()}`;
}

/** Express's answer for a route that does not exist, as opposed to the endpoint's own 404 (not in the read model yet). */
const isMissingRoute = (body: unknown): boolean => serverMessageOf(body, '').startsWith('Cannot GET /eligibility');

/**
 * Asks until the answer reflects `atLeastPosition` (404: not in the read model yet; an older
 * `upToPosition`: the projection is behind). Gives up after `timeoutMs` with the last answer.
 */
export async function pollEligibility(registrar: ApiClient, query: EligibilityQuery, poll: PollOptions = DEFAULT_POLL): Promise<{ answer: EligibilityAnswer; waitedMs: number }> {
  const path = eligibilityPath(query);
  const sent: SentRequest = { method: 'GET', url: new URL(path, registrar.baseUrl).toString(), as: registrar.as, headers: {} };
  const started = Date.now();
  for (;;) {
    const response = await registrar.get<EligibilityAnswer | unknown>(path, { accept: [200, 404] });
    const waitedMs = Date.now() - started;
    if (response.status === 404 && isMissingRoute(response.body)) {
      const message = `this server has no GET /eligibility endpoint (${serverMessageOf(response.body, 'not found')}): it predates the eligibility read model`;
      throw new ApiError(sent, 404, message, response.body);
    }
    if (response.status === 200) {
      const answer = response.body as EligibilityAnswer;
      if (answer.upToPosition >= query.atLeastPosition) return { answer, waitedMs };
    }
    if (waitedMs >= poll.timeoutMs) {
      const seen = response.status === 200
        ? `the read model is at position ${(response.body as EligibilityAnswer).upToPosition}, the last write is at ${query.atLeastPosition}`
        : `still 404: ${serverMessageOf(response.body, 'not found')}`;
      throw new ApiError(sent, response.status, `no up-to-date eligibility answer after ${poll.timeoutMs} ms (${seen})`, response.body);
    }
    await new Promise((resolve) => setTimeout(resolve, poll.intervalMs));
  }
}
