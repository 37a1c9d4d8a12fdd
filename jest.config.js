// `npm test`: unit, contract (SQLite) and end-to-end tests that need no external server.
const shared = require('./jest.shared');

module.exports = {
  ...shared,
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
