import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { HttpConfig } from '../config/http-config';

/**
 * Security headers on every answer (@fastify/helmet): `X-Content-Type-Options: nosniff`, a CSP
 * that lets the Swagger UI at /docs load its own scripts and styles and nothing else (no
 * framing, no plugins), HSTS when HSTS_MAX_AGE > 0; `Cache-Control: no-store` on every answer
 * to an authenticated request (they carry learners' grades and credentials) unless a route set
 * its own; CORS only for the origins of CORS_ORIGINS (off when empty); and @fastify/rate-limit,
 * not applied to routes but used by AuthFailureLimiter to count failed authentications.
 */
export function registerSecurityPlugins(fastify: FastifyInstance, config: HttpConfig): void {
  void fastify.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // The Swagger UI sets inline styles on its elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
    strictTransportSecurity: config.hstsMaxAgeSeconds > 0 ? { maxAge: config.hstsMaxAgeSeconds, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  if (config.corsOrigins.length > 0) {
    void fastify.register(cors, {
      origin: config.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Correlation-Id'],
      exposedHeaders: ['ETag', 'X-Correlation-Id', 'Retry-After', 'Location'],
      maxAge: 600,
    });
  }
  void fastify.register(rateLimit, { global: false });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.headers.authorization !== undefined && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
