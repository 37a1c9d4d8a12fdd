/** The pure part of the records context (`@app/records/domain`): events, stream names, deciders, the record fold. No Nest. */
export * from './records.values';
export * from './engine-grades';
export * from './streams';
export * from './course.events';
export * from './course.decider';
export * from './learner.events';
export * from './learner.commands';
export * from './learner-record';
export * from './learner.decider';
export * from './credential.decisions';
export * from './credential-definition.events';
export * from './credential-definition.decider';
export * from './credential-completeness';
export * from './completion-withdrawal';
export * from './records.events';
export * from './auto-award';
