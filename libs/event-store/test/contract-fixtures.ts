import { randomUUID } from 'node:crypto';
import { EventStore, hashEvent, NewEvent, RecordedEvent } from '../src';

/** A unique stream-name prefix per test, so the suite also runs against a store that is not empty. */
export function uniquePrefix(): string {
  return `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export function newEvent(type: string, data: NewEvent['data'] = {}, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    occurredAt: '2026-05-01T10:00:00.000Z',
    schemaVersion: 1,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { institutionId: 'inst-mitx', role: 'issuer' },
    },
    ...overrides,
  };
}

export function events(count: number, type = 'CompletionRecorded'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(type, { index, credits: '2.5' }));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The events after `after` that belong to streams with this prefix, in global order. */
export async function readOwn(store: EventStore, prefix: string, after: number, batchSize?: number): Promise<RecordedEvent[]> {
  const all = await collect(store.readAll({ after, batchSize }));
  return all.filter((event) => event.stream.startsWith(prefix));
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for condition');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Recorded events as an export would carry them, for restore: each stream's events chained from
 * `after` (its stored head, or nothing), placed at the given positions in the given stream order.
 */
export function recordedChain(
  placements: { stream: string; position: number }[],
  after: Map<string, { revision: number; hash: string }> = new Map(),
): RecordedEvent[] {
  const heads = new Map(after);
  return placements.map(({ stream, position }) => {
    const head = heads.get(stream);
    const { id, type, occurredAt, schemaVersion, data, metadata } = newEvent('CompletionRecorded', { position, credits: '2.5' });
    const content = {
      id, type, occurredAt, schemaVersion, data, metadata, stream,
      revision: head ? head.revision + 1 : 0,
      recordedAt: new Date(Date.UTC(2025, 0, 1) + position * 1000).toISOString(),
      previousHash: head ? head.hash : null,
    };
    const event: RecordedEvent = { ...content, position, hash: hashEvent(content) };
    heads.set(stream, { revision: event.revision, hash: event.hash });
    return event;
  });
}
