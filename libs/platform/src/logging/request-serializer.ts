import { redactFields, redactUrl } from './redact-credentials';

/** pino's serialized request (pino-std-serializers), as far as this serializer reads it. */
interface SerializedRequest {
  url?: unknown;
  query?: unknown;
  body?: unknown;
  [field: string]: unknown;
}

/**
 * The `req` serializer of the request log: the standard fields, with credential-like query
 * parameters redacted from `url` (and from `query`, `body` if a logger adds them).
 */
export function serializeRequest(req: SerializedRequest): SerializedRequest {
  const serialized: SerializedRequest = { ...req };
  if (typeof req.url === 'string') serialized.url = redactUrl(req.url);
  if (req.query !== undefined) serialized.query = redactFields(req.query);
  if (req.body !== undefined) serialized.body = redactFields(req.body);
  return serialized;
}
