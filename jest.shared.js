// Shared jest settings: @swc/jest for speed (type-checking is `npm run typecheck`),
// and the tsconfig path aliases (@app/<lib>) mapped to libs/<lib>/src.
const swcConfig = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

// Packages published as ES modules only (transitively, the credential stack's).
const ESM_ONLY = [
  '@digitalbazaar',
  'jsonld-document-loader',
  'jose',
  'base58-universal',
  'base64url-universal',
  'crypto-ld',
  'ky',
];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcConfig],
    // The verifiable-credential stack (digitalbazaar, jose) ships ES modules only: Node 20 loads
    // them with require(esm), jest's module system does not, so swc compiles them to CommonJS.
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
};
