export * from './domain/access.events';
export * from './domain/access.decider';
export * from './auth/principal';
export * from './auth/auth.decorators';
export * from './auth/access-registry';
export * from './auth/auth-failure-limiter';
export * from './auth/credential-token';
export * from './access.module';
