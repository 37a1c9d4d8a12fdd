import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { DocumentLoader } from '../jsonld/document-loader';
import { Check, JsonObject } from './verification.report';

/** The suites whose proofs are checked: Data Integrity eddsa-rdfc-2022 and Ed25519Signature2020. */
function suites(): unknown[] {
  return [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), new Ed25519Signature2020()];
}

/**
 * Checks the embedded proof with the digitalbazaar stack, at `now` (a date inside the credential's
 * validity window: validity is a separate check). An unknown context or key document is a failed
 * check that names it: the offline loader never fetches.
 */
export async function linkedDataProofCheck(credential: JsonObject, documentLoader: DocumentLoader, now: Date): Promise<Check> {
  if (credential.proof === undefined) return { check: 'proof', outcome: 'failed', message: 'the credential has no proof' };
  try {
    // Status is read apart (statusCheck reads the bit): vc asks for a checkStatus when there is an entry.
    const result = await vc.verifyCredential({ credential, suite: suites(), documentLoader, now, checkStatus: statusReadApart });
    if (result.verified) return { check: 'proof', outcome: 'passed', message: `${proofTypes(credential)} verified` };
    return { check: 'proof', outcome: 'failed', message: `${proofTypes(credential)} not verified: ${describe(result.error) ?? describe(result.results?.find((r) => !r.verified)?.error) ?? 'no reason given'}` };
  } catch (error) {
    return { check: 'proof', outcome: 'failed', message: `proof not verified: ${describe(error) ?? String(error)}` };
  }
}

async function statusReadApart(): Promise<{ verified: boolean }> {
  return { verified: true };
}

function proofTypes(credential: JsonObject): string {
  const proofs = Array.isArray(credential.proof) ? credential.proof : [credential.proof];
  return proofs
    .map((p) => (typeof p === 'object' && p !== null ? [(p as JsonObject).type, (p as JsonObject).cryptosuite].filter((x) => typeof x === 'string').join(' ') : 'proof'))
    .join(', ');
}

/** The most telling message in an error tree: an unknown document's (naming its URL) first. */
export function describe(error: unknown): string | null {
  const messages: string[] = [];
  const seen = new Set<unknown>();
  const walk = (e: unknown, depth: number): void => {
    if (typeof e !== 'object' || e === null || seen.has(e) || depth > 8) return;
    seen.add(e);
    const record = e as Record<string, unknown>;
    if (typeof record.message === 'string') messages.push(record.message);
    for (const key of ['errors', 'cause', 'details', 'error']) {
      const next = record[key];
      if (Array.isArray(next)) next.forEach((n) => walk(n, depth + 1));
      else walk(next, depth + 1);
    }
  };
  walk(error, 0);
  return messages.find((m) => m.startsWith('unknown document ')) ?? messages.find((m) => m !== 'Verification error(s).') ?? messages[0] ?? null;
}
