/** Public API of the credentials context. */
export * from './credentials.module';
export * from './jsonld/document-loader';
export * from './verification/trust.ports';
