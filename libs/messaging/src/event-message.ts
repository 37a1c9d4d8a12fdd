import { RecordedEvent } from '@app/event-store';
import { DEFAULT_TOPIC_PREFIX, keyFor, topicFor } from './event-routing';

export const EVENT_MESSAGE_VERSION = 1;

/** The JSON value of every Kafka message carrying an event. `v` versions the envelope itself. */
export interface EventMessage {
  v: typeof EVENT_MESSAGE_VERSION;
  event: RecordedEvent;
}

/** A message ready for the producer: topic per bounded context, key per learner or stream. */
export interface EncodedEventMessage {
  topic: string;
  key: string;
  value: string;
  headers: { 'event-id': string; 'event-type': string };
}

export type DecodeResult = { ok: true; event: RecordedEvent } | { ok: false; error: string };

export function encodeEventMessage(event: RecordedEvent, topicPrefix: string = DEFAULT_TOPIC_PREFIX): EncodedEventMessage {
  const message: EventMessage = { v: EVENT_MESSAGE_VERSION, event };
  return {
    topic: topicFor(event, topicPrefix),
    key: keyFor(event),
    value: JSON.stringify(message),
    headers: { 'event-id': event.id, 'event-type': event.type },
  };
}

/** Parses and validates a message value; never throws: a bad message is reported as `{ ok: false }`. */
export function decodeEventMessage(value: Buffer | string | null | undefined): DecodeResult {
  if (value === null || value === undefined) return fail('empty message (null value)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (error) {
    return fail(`not JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) return fail('message is not a JSON object');
  if (parsed.v !== EVENT_MESSAGE_VERSION) return fail(`unsupported envelope version ${JSON.stringify(parsed.v)} (expected ${EVENT_MESSAGE_VERSION})`);
  const problem = recordedEventProblem(parsed.event);
  return problem ? fail(problem) : { ok: true, event: parsed.event as RecordedEvent };
}

const fail = (error: string): DecodeResult => ({ ok: false, error });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNonEmptyString = (value: unknown): value is string => isString(value) && value.length > 0;
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/** Checks the RecordedEvent shape; returns the first problem as "/event/<field>: ...", or null. */
export function recordedEventProblem(event: unknown): string | null {
  if (!isObject(event)) return '/event: missing or not an object';
  const checks: Array<[string, (value: unknown) => boolean, string]> = [
    ['id', isNonEmptyString, 'a non-empty string'],
    ['type', isNonEmptyString, 'a non-empty string'],
    ['stream', isNonEmptyString, 'a non-empty string'],
    ['revision', isCount, 'a non-negative integer'],
    ['position', isCount, 'a non-negative integer'],
    ['schemaVersion', Number.isSafeInteger, 'an integer'],
    ['occurredAt', isNonEmptyString, 'an ISO-8601 string'],
    ['recordedAt', isNonEmptyString, 'an ISO-8601 string'],
    ['previousHash', (v) => v === null || isString(v), 'a string or null'],
    ['hash', isString, 'a string'],
    ['data', isObject, 'an object'],
    ['metadata', isObject, 'an object'],
  ];
  for (const [field, valid, expected] of checks) {
    if (!valid(event[field])) return `/event/${field}: must be ${expected}`;
  }
  const metadata = event.metadata as Record<string, unknown>;
  if (!isString(metadata.correlationId)) return '/event/metadata/correlationId: must be a string';
  if (!(metadata.causationId === null || isString(metadata.causationId))) return '/event/metadata/causationId: must be a string or null';
  const actor = metadata.actor;
  if (!(actor === null || (isObject(actor) && isString(actor.institutionId) && isString(actor.role)))) {
    return '/event/metadata/actor: must be null or { institutionId, role }';
  }
  return null;
}
