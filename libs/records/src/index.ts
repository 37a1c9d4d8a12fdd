/** Public API of the records context. Pure parts only: import '@app/records/domain'. */
export * from './domain';
export * from './application/records.options';
export * from './application/records.inputs';
export * from './application/command-result';
export * from './application/stream-reader';
export * from './application/course-commands.handler';
export * from './application/learner-commands.handler';
export * from './application/credential-commands.handler';
export * from './application/credential-definition-commands.handler';
export * from './application/workload-ects';
export * from './records.module';
export * from './application/credential-verifier.port';
export * from './application/credential-digest';
export * from './evidence/recognition-evidence';
export * from './evidence/presented-evidence';
