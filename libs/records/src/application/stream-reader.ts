import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, loadAggregate, readStreamEvents, RecordedEvent } from '@app/event-store';
import { refuse } from '@app/kernel';
import { courseDecider, CourseState } from '../domain/course.decider';
import { credentialDefinitionDecider, CredentialDefinitionState } from '../domain/credential-definition.decider';
import { isLearnerEvent, learnerRecordOf, LearnerRecord } from '../domain/learner-record';
import { presentedCredentialOf, PresentedCredentialView } from '../domain/presented-credential-view';
import { VerifiableCredentialPresented } from '../domain/verifiable-credential.events';
import { courseStream, credentialDefinitionStream, learnerStream } from '../domain/streams';

/** Reads and folds the records streams (for handlers that need another aggregate's state, and for GETs). */
@Injectable()
export class RecordsStreamReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  events(stream: string): Promise<RecordedEvent[]> {
    return readStreamEvents(this.store, stream);
  }

  /** The course's current definition and stream revision; null when the course is not defined. */
  async course(courseId: string): Promise<{ course: CourseState; revision: number | null }> {
    const { state, revision } = await loadAggregate(this.store, courseDecider, courseStream(courseId));
    return { course: state, revision };
  }

  /** A credential code's published definition versions and stream revision (no versions, revision null: none). */
  async credentialDefinition(code: string): Promise<{ definition: CredentialDefinitionState; revision: number | null }> {
    const { state, revision } = await loadAggregate(this.store, credentialDefinitionDecider, credentialDefinitionStream(code));
    return { definition: state, revision };
  }

  /** The learner's folded record and stream revision; 404 when the learner is not registered. */
  async learnerRecord(learnerId: string): Promise<{ record: LearnerRecord; revision: number }> {
    const events = await this.events(learnerStream(learnerId));
    const record = learnerRecordOf(events);
    if (!record.registered) throw refuse.notFound('learner-not-found', `learner ${learnerId} is not registered`);
    return { record, revision: events[events.length - 1].revision };
  }

  /** A presented credential: its current view and the presentation as recorded (document, verification). 404 when unknown. */
  async presentedCredential(learnerId: string, vcId: string): Promise<{ view: PresentedCredentialView; presented: VerifiableCredentialPresented['data']; revision: number }> {
    const events = await this.events(learnerStream(learnerId));
    const record = learnerRecordOf(events);
    if (!record.registered) throw refuse.notFound('learner-not-found', `learner ${learnerId} is not registered`);
    const view = presentedCredentialOf(record, vcId);
    const event = events.find((e) => isLearnerEvent(e) && e.type === 'VerifiableCredentialPresented' && e.data.vcId === vcId);
    if (!view || !event || !isLearnerEvent(event) || event.type !== 'VerifiableCredentialPresented') {
      throw refuse.notFound('verifiable-credential-not-found', `learner ${learnerId} has no presented credential ${vcId}`);
    }
    return { view, presented: event.data, revision: events[events.length - 1].revision };
  }
}
