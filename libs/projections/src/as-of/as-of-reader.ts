import { EventStore, RecordedEvent } from '@app/event-store';
import { DataSource } from 'typeorm';
import { refuse } from '@app/kernel';
import { HistoryRow } from '../read-model/entities';
import { AsOfCut, AsOfInput, includes } from './as-of-cut';

/**
 * Reads streams as they were at a cut, from the event store only (the read models serve as
 * indexes of stream names, never as answers), so nothing recorded after the cut can leak in.
 */
export class AsOfReader {
  constructor(
    readonly store: EventStore,
    private readonly index: DataSource,
  ) {}

  /** Resolves `asOf` on an axis to a cut; a time on the recorded axis becomes the last position recorded by then. */
  async cut(input: AsOfInput, axis: 'recorded' | 'occurred'): Promise<{ cut: AsOfCut; positionRecordedAt: string | null }> {
    if (axis === 'occurred') {
      if (input.kind === 'position') throw refuse.invalid('as-of-axis', 'axis=occurred needs asOf as a time, not a position', '/asOf');
      return { cut: { axis, at: input.at }, positionRecordedAt: null };
    }
    if (input.kind === 'position') {
      const row = await this.index.manager.findOne(HistoryRow, { select: { position: true, recordedAt: true }, where: { position: input.position } });
      return { cut: { axis, position: input.position, at: null }, positionRecordedAt: row?.recordedAt ?? null };
    }
    const last = await this.index.manager
      .createQueryBuilder(HistoryRow, 'h')
      .select('MAX(h.position)', 'position')
      .where('h.recordedAt <= :at', { at: input.at })
      .getRawOne<{ position: string | number | null }>();
    const position = last?.position === null || last?.position === undefined ? -1 : Number(last.position);
    return { cut: { axis, position, at: input.at }, positionRecordedAt: null };
  }

  async stream(stream: string, cut: AsOfCut): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(stream)) {
      if (includes(cut, event)) events.push(event);
    }
    return events;
  }

  /** The global position an answer reflects: the cut (recorded axis) or the last event included. */
  static upTo(cut: AsOfCut, read: RecordedEvent[][]): number {
    if (cut.axis === 'recorded') return cut.position;
    return Math.max(-1, ...read.flat().map((e) => e.position));
  }
}
