/** Public API of the credentials context. */
export * from './credentials.module';
export * from './jsonld/document-loader';
export * from './verification/trust.ports';
export * from './config/credentials.config';
export * from './keys/secret-key-encryption';
export * from './keys/institution-keys.events';
export * from './keys/institution-keys.decider';
export * from './keys/institution-keys.service';
export * from './keys/did-documents';
export * from './issuing/recognition.events';
export * from './issuing/recognition.decider';
export * from './issuing/recognition-credential.document';
export * from './issuing/recognition-issuer';
export * from './issuing/recognition-reactor';
export * from './hosted-status-lists/hosted-status-lists';
