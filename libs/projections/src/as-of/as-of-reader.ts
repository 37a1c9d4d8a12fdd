import { EventStore, RecordedEvent } from '@app/event-store';
import { DataSource } from 'typeorm';
import { refuse } from '@app/kernel';
import { LessThanOrEqual } from 'typeorm';
import { HistoryRow } from '../read-model/entities';
import { ProjectionPosition } from '../read-model/read-model.tokens';
import { lastPositionRecordedBy } from './recorded-by';
import { AsOfCut, AsOfInput, includes } from './as-of-cut';

/**
 * Reads streams as they were at a cut, from the event store only (the read models serve as
 * indexes of stream names, never as answers), so nothing recorded after the cut can leak in.
 */
export class AsOfReader {
  constructor(
    readonly store: EventStore,
    private readonly index: DataSource,
    private readonly indexed: ProjectionPosition,
  ) {}

  /**
   * Resolves `asOf` on an axis to a cut, from the store itself: a time on the recorded axis becomes
   * the last position recorded by then; a position past the head is the head. Then waits (briefly)
   * until the read models used as indexes of stream names have caught up with the cut, so a policy
   * or request created just before the cut is not missed; 409 if they do not.
   */
  async cut(input: AsOfInput, axis: 'recorded' | 'occurred'): Promise<{ cut: AsOfCut; positionRecordedAt: string | null }> {
    const head = await this.store.headPosition();
    if (axis === 'occurred') {
      if (input.kind === 'position') throw refuse.invalid('as-of-axis', 'axis=occurred needs asOf as a time, not a position', '/asOf');
      await this.indexReaches(head);
      return { cut: { axis, at: input.at }, positionRecordedAt: null };
    }
    const position = input.kind === 'position' ? Math.min(input.position, head) : await lastPositionRecordedBy(this.store, input.at);
    await this.indexReaches(position);
    if (input.kind === 'time') return { cut: { axis, position, at: input.at }, positionRecordedAt: null };
    const last = await this.index.manager.findOne(HistoryRow, { select: { position: true, recordedAt: true }, where: { position: LessThanOrEqual(position) }, order: { position: 'DESC' } });
    return { cut: { axis, position, at: null }, positionRecordedAt: last?.recordedAt ?? null };
  }

  private async indexReaches(position: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await this.indexed.current();
      if (current >= position) return;
      if (Date.now() >= deadline) {
        throw refuse.conflict('read-models-behind', `the read models are at position ${current}, behind the cut at ${position}; try again shortly`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
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
