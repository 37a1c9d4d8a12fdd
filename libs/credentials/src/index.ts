/** Public API of the credentials context. */
export * from './credentials.module';
export * from './jsonld/document-loader';
export * from './verification/trust.ports';
export * from './verification/credential-verifier';
export * from './verification/verification.report';
export * from './status-lists/status-list.events';
export * from './trusted-issuers/domain/trusted-issuer.events';
export * from './trusted-issuers/domain/did-document';
export * from './trusted-issuers/application/trusted-issuer-registry';
export * from './trusted-issuers/trusted-issuers.module';
