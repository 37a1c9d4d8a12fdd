import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { readFileSync } from 'fs';
import { join } from 'path';
import { UnknownDocumentError, offlineDocumentLoader } from '../src/jsonld/document-loader';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(__dirname, 'fixtures/dcc', name), 'utf8'));
const suite = [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), new Ed25519Signature2020()];

describe('offline document loader', () => {
  it('verifies the OB3 specification example (eddsa-rdfc-2022, did:key) with nothing fetched', async () => {
    const result = await vc.verifyCredential({ credential: fixture('ob3-spec-example.eddsa-rdfc-2022.json'), suite, documentLoader: offlineDocumentLoader() });
    expect(result.verified).toBe(true);
  });

  it('fails the proof of a tampered copy', async () => {
    const credential = fixture('ob3-spec-example.eddsa-rdfc-2022.json');
    const tampered = { ...credential, name: `${String(credential.name)} (edited)` };
    const result = await vc.verifyCredential({ credential: tampered, suite, documentLoader: offlineDocumentLoader() });
    expect(result.verified).toBe(false);
  });

  it('names a context it does not ship instead of fetching it', async () => {
    const load = offlineDocumentLoader();
    await expect(load('https://example.org/unknown-context.jsonld')).rejects.toThrow(UnknownDocumentError);
    await expect(load('https://example.org/unknown-context.jsonld')).rejects.toThrow('https://example.org/unknown-context.jsonld');
  });

  it('resolves other DIDs only from the given source', async () => {
    const didDocument = { '@context': 'https://www.w3.org/ns/did/v1', id: 'did:web:registrar.example.edu' };
    const load = offlineDocumentLoader({ didDocuments: async (url) => (url === 'did:web:registrar.example.edu' ? didDocument : null) });
    await expect(load('did:web:registrar.example.edu')).resolves.toMatchObject({ document: didDocument });
    await expect(load('did:web:elsewhere.example.com')).rejects.toThrow(UnknownDocumentError);
  });
});
