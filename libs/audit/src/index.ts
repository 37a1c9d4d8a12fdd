export * from './audit.module';
export * from './audit-scope';
export * from './history/history.types';
export * from './history/history.query';
export * from './reproduce/json-diff';
export * from './reproduce/decision-reproduction';
export * from './impact/policy-impact';
