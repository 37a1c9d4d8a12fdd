/**
 * House rules (ARCHITECTURE.md): the requirement engine and every domain/ folder are pure,
 * and libraries never reach into apps. `npm run lint` fails on any violation.
 */
const INFRASTRUCTURE = '^(node_modules/(@nestjs|typeorm|kafkajs|pg|better-sqlite3|@eventstore|express|nestjs-pino|prom-client)(/|$)|libs/(event-store|messaging|projections|platform)/)';

module.exports = {
  forbidden: [
    {
      name: 'pure-requirements',
      comment: 'libs/requirements is pure TypeScript: no Nest, TypeORM, Kafka, drivers or event store.',
      severity: 'error',
      from: { path: '^libs/requirements/' },
      to: { path: INFRASTRUCTURE },
    },
    {
      name: 'pure-requirements-no-other-libs',
      comment: 'libs/requirements depends on no other lib of this repo.',
      severity: 'error',
      from: { path: '^libs/requirements/' },
      to: { path: '^libs/', pathNot: '^libs/requirements/' },
    },
    {
      name: 'pure-domain',
      comment: 'A domain/ folder holds deciders and events only: no Nest, TypeORM, Kafka, drivers or event store.',
      severity: 'error',
      from: { path: '/domain/' },
      to: { path: INFRASTRUCTURE, pathNot: '/domain/' },
    },
    {
      name: 'libs-not-apps',
      comment: 'Libraries never import from apps/.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
