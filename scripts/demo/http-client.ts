/**
 * A small HTTP client for the public API (Node 20's global fetch): JSON bodies, a bearer
 * credential per client, and errors that say what was sent, the status and the server's message.
 */

/** What was sent, kept for the error report. */
export interface SentRequest {
  method: 'GET' | 'POST';
  url: string;
  /** Who sent it (e.g. "registrar of mit-x"), never the token. */
  as: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  /** The ETag header (the aggregate's revision, quoted), when there is one. */
  etag: string | null;
}

/** `{ id, revision, replayed, eventIds, position }`: what every write answers. */
export interface WriteResult {
  id: string;
  revision: number;
  replayed: boolean;
  eventIds: string[];
  /** Global position of the write's last event: a read with `minPosition` = this sees the write. */
  position: number | null;
}

/** A failed call: the request as sent, the status (null when no answer), the server's message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly sent: SentRequest,
    readonly status: number | null,
    readonly serverMessage: string,
    readonly responseBody: unknown,
  ) {
    super(`${sent.method} ${sent.url} (as ${sent.as}): ${status === null ? 'no answer' : `HTTP ${status}`}: ${serverMessage}`);
  }
}

export interface CallOptions {
  /** Statuses that are answers rather than failures (default: 201 for POST, 200 for GET). */
  accept?: number[];
  ifMatch?: string;
  /**
   * Read your own write: `?minPosition=`, the position a write answered. The server waits until
   * its read models have reached it; should it answer 503 (still behind), the call is made again
   * after its Retry-After, at most `retries` times (default 3).
   */
  minPosition?: number | null;
  retries?: number;
}

const RETRIES = 3;

/** The server's error message: `{ message, errors: [{ path, message }] }` in this API. */
export function serverMessageOf(body: unknown, fallback: string): string {
  if (typeof body !== 'object' || body === null) return typeof body === 'string' && body ? body.slice(0, 500) : fallback;
  const { message, code, errors } = body as { message?: unknown; code?: unknown; errors?: unknown };
  const parts = [typeof message === 'string' ? message : Array.isArray(message) ? message.join('; ') : fallback];
  if (typeof code === 'string') parts.push(`(code ${code})`);
  if (Array.isArray(errors)) {
    for (const e of errors as { path?: unknown; message?: unknown }[]) parts.push(`\n    ${String(e.path ?? '')}: ${String(e.message ?? '')}`);
  }
  return parts.join(' ');
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    /** Who this client is, for messages. */
    readonly as: string,
  ) {}

  /** The same server with another credential. */
  withToken(token: string, as: string): ApiClient {
    return new ApiClient(this.baseUrl, token, as);
  }

  post<T = WriteResult>(path: string, body: unknown, options: CallOptions = {}): Promise<ApiResponse<T>> {
    return this.call<T>('POST', path, body, { accept: [201], ...options });
  }

  get<T>(path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    return this.call<T>('GET', path, undefined, { accept: [200], ...options });
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body: unknown, options: CallOptions): Promise<ApiResponse<T>> {
    const url = new URL(path, this.baseUrl);
    if (options.minPosition !== undefined && options.minPosition !== null) url.searchParams.set('minPosition', String(options.minPosition));
    for (let retry = 0; ; retry += 1) {
      const answer = await this.once<T>(method, url.toString(), body, options, retry < (options.retries ?? RETRIES));
      if (answer !== 'again') return answer;
    }
  }

  /** One request; 'again' for a 503 with Retry-After (after waiting it) when another attempt is allowed. */
  private async once<T>(method: 'GET' | 'POST', url: string, body: unknown, options: CallOptions, mayRetry: boolean): Promise<ApiResponse<T> | 'again'> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    const sent: SentRequest = { method, url, as: this.as, headers, ...(body !== undefined ? { body } : {}) };
    let response: Response;
    try {
      response = await fetch(sent.url, {
        method,
        headers: { ...headers, authorization: `Bearer ${this.token}` },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new ApiError(sent, null, cause?.code ?? cause?.message ?? (error as Error).message, null);
    }
    const text = await response.text();
    const parsed = parseJson(text);
    const retryAfter = Number(response.headers.get('retry-after'));
    if (response.status === 503 && mayRetry && Number.isFinite(retryAfter) && retryAfter > 0) {
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      return 'again';
    }
    if (!(options.accept ?? []).includes(response.status)) {
      throw new ApiError(sent, response.status, serverMessageOf(parsed, response.statusText), parsed);
    }
    return { status: response.status, body: parsed as T, etag: response.headers.get('etag') };
  }
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
