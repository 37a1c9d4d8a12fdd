export * from './event-routing';
export * from './event-message';
export * from './kafka-client';
export * from './kafka-event-publisher';
export * from './kafka-event-consumer';
export * from './inbox';
