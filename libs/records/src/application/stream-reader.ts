import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@app/event-store';
import { fold, refuse } from '@app/kernel';
import { courseDecider, CourseState } from '../domain/course.decider';
import { CourseEvent } from '../domain/course.events';
import { learnerRecordOf, LearnerRecord } from '../domain/learner-record';
import { courseStream, learnerStream } from '../domain/streams';

/** Reads and folds the records streams (for handlers that need another aggregate's state, and for GETs). */
@Injectable()
export class RecordsStreamReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async events(stream: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(stream)) events.push(event);
    return events;
  }

  /** The course's current definition and stream revision; null when the course is not defined. */
  async course(courseId: string): Promise<{ course: CourseState; revision: number | null }> {
    const events = await this.events(courseStream(courseId));
    const course = fold(courseDecider, events.map((e) => ({ type: e.type, data: e.data }) as unknown as CourseEvent));
    return { course, revision: events.at(-1)?.revision ?? null };
  }

  /** The learner's folded record and stream revision; 404 when the learner is not registered. */
  async learnerRecord(learnerId: string): Promise<{ record: LearnerRecord; revision: number }> {
    const events = await this.events(learnerStream(learnerId));
    const record = learnerRecordOf(events);
    if (!record.registered) throw refuse.notFound('learner-not-found', `learner ${learnerId} is not registered`);
    return { record, revision: events[events.length - 1].revision };
  }
}
