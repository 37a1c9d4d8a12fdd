import { RecordedEvent } from '@app/event-store';

/** The bounded contexts whose events travel on Kafka; one topic each. */
export type BoundedContext = 'records' | 'transfer' | 'access';

/**
 * How a stream's events are keyed on Kafka:
 * - 'learner-from-stream': the stream is `learner-<id>`; the key is `<id>` (the learner id);
 * - 'stream': the key is the stream name.
 *
 * The key must depend on the stream only, never on one event's data: Kafka keeps order per key
 * (one partition), so every event of a stream needs the same key for the stream's order to
 * survive. Example: in a `transfer-<requestId>` stream only RequestSubmitted carries
 * `data.learnerId`; keying that event by learner and the later ones by stream could put
 * RequestEvaluated in another partition and deliver it before RequestSubmitted.
 */
export type KeyStrategy = 'learner-from-stream' | 'stream';

export interface StreamRoute {
  context: BoundedContext;
  key: KeyStrategy;
}

/** Stream category (the stream name up to its first '-') -> route. The whole table. */
export const STREAM_ROUTES: Readonly<Record<string, StreamRoute>> = Object.freeze({
  learner: { context: 'records', key: 'learner-from-stream' },
  course: { context: 'records', key: 'stream' },
  credentialdef: { context: 'records', key: 'stream' },
  program: { context: 'transfer', key: 'stream' },
  policy: { context: 'transfer', key: 'stream' },
  admission: { context: 'transfer', key: 'stream' },
  transfer: { context: 'transfer', key: 'stream' },
  exceptions: { context: 'transfer', key: 'stream' },
  // The credentials context's institution signing keys and recognition credentials (hosted by the transfer service).
  institutionkeys: { context: 'transfer', key: 'stream' },
  recognition: { context: 'transfer', key: 'stream' },
  access: { context: 'access', key: 'stream' },
});

export const DEFAULT_TOPIC_PREFIX = 'credit-transfer.events.';

/** An event whose stream is not in STREAM_ROUTES: publishing it would need a routing decision. */
export class UnroutableEventError extends Error {
  constructor(readonly stream: string) {
    super(`no Kafka route for stream "${stream}": add its category to STREAM_ROUTES in libs/messaging`);
    this.name = 'UnroutableEventError';
  }
}

/** `learner-42` -> `learner`; `access` -> `access`. */
export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
}

export function routeOf(stream: string): StreamRoute {
  const route = Object.prototype.hasOwnProperty.call(STREAM_ROUTES, streamCategory(stream))
    ? STREAM_ROUTES[streamCategory(stream)]
    : undefined;
  if (!route) throw new UnroutableEventError(stream);
  return route;
}

export function contextOf(stream: string): BoundedContext {
  return routeOf(stream).context;
}

export function topicOf(context: BoundedContext, prefix: string = DEFAULT_TOPIC_PREFIX): string {
  return `${prefix}${context}`;
}

/** The topics of every bounded context (what a consumer of all events subscribes to). */
export function allTopics(prefix: string = DEFAULT_TOPIC_PREFIX): string[] {
  const contexts = new Set(Object.values(STREAM_ROUTES).map((route) => route.context));
  return [...contexts].map((context) => topicOf(context, prefix));
}

export function topicFor(event: Pick<RecordedEvent, 'stream'>, prefix: string = DEFAULT_TOPIC_PREFIX): string {
  return topicOf(contextOf(event.stream), prefix);
}

/** The message key: the learner id for a learner's stream, else the stream name. */
export function keyFor(event: Pick<RecordedEvent, 'stream'>): string {
  const route = routeOf(event.stream);
  if (route.key === 'learner-from-stream') {
    const id = event.stream.slice(event.stream.indexOf('-') + 1);
    if (id.length > 0) return id;
  }
  return event.stream;
}
