import { Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

type CountFailure = ReturnType<FastifyInstance['createRateLimit']>;

/** How many client IPs are remembered as blocked at most (the oldest are forgotten first). */
const MAX_BLOCKED = 10_000;

/**
 * Rate limit on failed authentication, per client IP, counted with @fastify/rate-limit (which
 * `configureApp` registers and attaches here). A client that fails more than `limit` times in a
 * window is blocked for the rest of it: every request it makes then answers 429 with
 * Retry-After, including one with a valid credential (otherwise a correct guess would still be
 * told apart from a wrong one). Without `attach` (test modules without configureApp), no limit.
 */
@Injectable()
export class AuthFailureLimiter {
  private countFailure: CountFailure | undefined;
  private create: (() => CountFailure) | undefined;
  private readonly blockedUntil = new Map<string, number>();

  attach(fastify: FastifyInstance, limit: number, windowMs: number): void {
    if (limit <= 0) return;
    // The plugin's decorator exists once Fastify has loaded it (at ready): created on first use.
    this.create = () => fastify.createRateLimit({ max: limit, timeWindow: windowMs, keyGenerator: (request) => request.ip });
  }

  /** Milliseconds this client is still blocked for, 0 when it is not. */
  blockedFor(request: FastifyRequest): number {
    const until = this.blockedUntil.get(request.ip);
    if (until === undefined) return 0;
    const left = until - Date.now();
    if (left > 0) return left;
    this.blockedUntil.delete(request.ip);
    return 0;
  }

  /** Counts a failed authentication; returns the milliseconds the client is now blocked for (0: not blocked). */
  async recordFailure(request: FastifyRequest): Promise<number> {
    if (!this.create) return 0;
    this.countFailure ??= this.create();
    const result = await this.countFailure(request);
    if (result.isAllowed || !result.isExceeded) return 0;
    if (this.blockedUntil.size >= MAX_BLOCKED) this.blockedUntil.delete(this.blockedUntil.keys().next().value as string);
    this.blockedUntil.set(request.ip, Date.now() + result.ttl);
    return result.ttl;
  }
}
