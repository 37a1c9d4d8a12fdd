export * from './decider';
export * from './domain-error';
export * from './ids';
export * from './own';
export * from './calendar-date';
