import { EventMetadata, JsonObject, RecordedEvent } from '@app/event-store';

/** A line of an import file that is not a recorded event, or breaks the log; carries the 1-based line number. */
export class ImportRefusedError extends Error {
  override readonly name = 'ImportRefusedError';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const HASH = /^[0-9a-f]{64}$/;

type Check = (value: unknown) => boolean;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const FIELDS: [keyof RecordedEvent, Check, string][] = [
  ['position', isCount, 'a non-negative integer'],
  ['id', (v) => typeof v === 'string' && v.length > 0, 'a string'],
  ['stream', (v) => typeof v === 'string' && v.length > 0, 'a string'],
  ['revision', isCount, 'a non-negative integer'],
  ['type', (v) => typeof v === 'string' && v.length > 0, 'a string'],
  ['occurredAt', (v) => typeof v === 'string' && ISO.test(v), 'an ISO-8601 UTC date-time'],
  ['recordedAt', (v) => typeof v === 'string' && ISO.test(v), 'an ISO-8601 UTC date-time'],
  ['schemaVersion', (v) => Number.isSafeInteger(v) && (v as number) >= 1, 'a positive integer'],
  ['data', isObject, 'a JSON object'],
  ['metadata', (v) => isObject(v) && typeof v.correlationId === 'string', 'an object with a correlationId'],
  ['previousHash', (v) => v === null || (typeof v === 'string' && HASH.test(v)), 'null or a sha256 hex'],
  ['hash', (v) => typeof v === 'string' && HASH.test(v), 'a sha256 hex'],
];

/** Parses one export line into a RecordedEvent, or throws ImportRefusedError naming the line and field. */
export function parseExportLine(text: string, line: number): RecordedEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ImportRefusedError(line, 'not valid JSON');
  }
  if (!isObject(value)) throw new ImportRefusedError(line, 'not a JSON object');
  for (const [field, check, expected] of FIELDS) {
    if (!check(value[field])) throw new ImportRefusedError(line, `${field} must be ${expected}`);
  }
  return {
    id: value.id as string,
    type: value.type as string,
    occurredAt: value.occurredAt as string,
    schemaVersion: value.schemaVersion as number,
    data: value.data as JsonObject,
    metadata: value.metadata as EventMetadata,
    stream: value.stream as string,
    revision: value.revision as number,
    position: value.position as number,
    recordedAt: value.recordedAt as string,
    previousHash: value.previousHash as string | null,
    hash: value.hash as string,
  };
}
