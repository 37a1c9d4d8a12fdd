/** Public API of the credentials context. */
export * from './credentials.module';
export * from './jsonld/document-loader';
export * from './verification/trust.ports';
export * from './verification/credential-verifier';
export * from './verification/verification.report';
export * from './status-lists/status-list.events';
