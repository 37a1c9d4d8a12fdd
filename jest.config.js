// `npm test`: unit, contract (SQLite) and end-to-end tests that need no external server.
const shared = require('./jest.shared');

module.exports = {
  ...shared,
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Hooks and tests that start the standalone app wait for its projector's worker thread, which
  // compiles its TypeScript under jest (~1 s, several on a loaded 2-core machine with a cold
  // cache): jest's default 5 s failed whole e2e files then, with nothing wrong in the code.
  testTimeout: 30_000,
};
