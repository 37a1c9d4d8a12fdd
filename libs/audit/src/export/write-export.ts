import { Writable } from 'node:stream';
import { EventStore } from '@app/event-store';
import { exportEvents, toNdjsonLine } from './export-events';
import { ExportFilter } from './export-filter';

export interface ExportSummary {
  events: number;
  /** Position of the last event written, -1 when none. */
  lastPosition: number;
  bytes: number;
}

/**
 * Writes the NDJSON export to `out`, honouring backpressure (waits for 'drain'), so memory stays
 * bounded however slow the reader is. Does not end `out`. Stops early when `out` is destroyed
 * (an HTTP client gone away).
 */
export async function writeExport(
  store: EventStore,
  filter: ExportFilter,
  out: Writable,
  onProgress?: (written: number, position: number) => void,
): Promise<ExportSummary> {
  const summary: ExportSummary = { events: 0, lastPosition: -1, bytes: 0 };
  for await (const event of exportEvents(store, filter)) {
    if (out.destroyed) break;
    const line = toNdjsonLine(event);
    summary.events += 1;
    summary.lastPosition = event.position;
    summary.bytes += Buffer.byteLength(line);
    if (!out.write(line)) await drained(out);
    if (summary.events % 1000 === 0) onProgress?.(summary.events, event.position);
  }
  onProgress?.(summary.events, summary.lastPosition);
  return summary;
}

/** Resolves on 'drain' or 'close' (a reader gone away), removing both listeners either way. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
