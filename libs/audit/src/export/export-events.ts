import { canonicalJson, EventStore, RecordedEvent } from '@app/event-store';
import { ExportFilter, exportPredicate } from './export-filter';

/**
 * The events an export carries, in global order, streamed: one stream is read with readStream
 * (its revision order is its position order), anything else with readAll bounded by the
 * position range. Memory: one read batch. Reads up to the head as it is when the call starts.
 */
export async function* exportEvents(store: EventStore, filter: ExportFilter = {}, batchSize = 1000): AsyncIterable<RecordedEvent> {
  const matches = exportPredicate(filter);
  const head = await store.headPosition();
  const upTo = Math.min(head, filter.toPosition ?? head);
  const source =
    filter.stream !== undefined
      ? store.readStream(filter.stream)
      : store.readAll({ after: (filter.fromPosition ?? 0) - 1, upTo, batchSize });
  for await (const event of source) {
    if (event.position > upTo) return;
    if (matches(event)) yield event;
  }
}

/**
 * One export line: the full envelope as JSON, keys in a fixed order and data/metadata in
 * canonical JSON (PostgreSQL's jsonb reorders keys), so the same log exports to the same bytes
 * whatever the adapter.
 */
export function toNdjsonLine(e: RecordedEvent): string {
  return (
    `{"position":${e.position},"id":${JSON.stringify(e.id)},"stream":${JSON.stringify(e.stream)},"revision":${e.revision}` +
    `,"type":${JSON.stringify(e.type)},"occurredAt":${JSON.stringify(e.occurredAt)},"recordedAt":${JSON.stringify(e.recordedAt)}` +
    `,"schemaVersion":${e.schemaVersion},"data":${canonicalJson(e.data)},"metadata":${canonicalJson(e.metadata)}` +
    `,"previousHash":${JSON.stringify(e.previousHash)},"hash":${JSON.stringify(e.hash)}}\n`
  );
}
