// `npm run test:integration`: suites that need external servers (PostgreSQL, and
// EventStoreDB when EVENTSTORE_CONNECTION_STRING is set). `.ci/run` starts what they need.
const shared = require('./jest.shared');

module.exports = {
  ...shared,
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/integration-notice.js',
};
