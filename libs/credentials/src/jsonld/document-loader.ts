import * as didKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DocumentLoader, JsonLdDocumentLoader } from 'jsonld-document-loader';
import { shippedContexts } from './shipped-contexts';

export type { DocumentLoader };

/** Resolves a DID URL that did:key does not cover (did:web, registered keys); null when unknown. */
export type DidDocumentSource = (didUrl: string) => Promise<Record<string, unknown> | null>;

/** A document the loader could not serve: an unknown context or DID. Never fetched. */
export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(`unknown document ${url}: not shipped with the verifier and not in the trusted-issuer registry`);
  }
}

/**
 * The offline JSON-LD document loader: shipped contexts, did:key resolved locally (Ed25519
 * Multikey, which both eddsa-rdfc-2022 and Ed25519Signature2020 accept), other DIDs from
 * `didDocuments` (the trusted-issuer registry), extra static documents (status lists given in a
 * request). Anything else throws UnknownDocumentError: nothing goes to the network.
 */
export function offlineDocumentLoader(options: { didDocuments?: DidDocumentSource; documents?: Map<string, Record<string, unknown>> } = {}): DocumentLoader {
  const loader = new JsonLdDocumentLoader();
  loader.addDocuments({ documents: shippedContexts() });
  for (const [url, document] of options.documents ?? []) loader.addStatic(url, document);
  const keys = didKey.driver();
  keys.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
  const didDocuments = options.didDocuments;
  loader.setProtocolHandler({
    protocol: 'did',
    handler: {
      async get({ url }: { url: string }) {
        if (url.startsWith('did:key:')) return keys.get({ url });
        const found = didDocuments ? await didDocuments(url) : null;
        if (!found) throw new UnknownDocumentError(url);
        return found;
      },
    },
  });
  const load = loader.build();
  return async (url: string) => {
    try {
      return await load(url);
    } catch (error) {
      if (error instanceof UnknownDocumentError) throw error;
      if (url.startsWith('did:key:')) throw error;
      throw new UnknownDocumentError(url);
    }
  };
}
