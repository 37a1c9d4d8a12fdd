import { readFileSync } from 'fs';
import { join } from 'path';
import { RegisteredStatusList, StatusListDirectory, TrustedIssuer, TrustedIssuerDirectory } from '../../src/verification/trust.ports';

export type Json = Record<string, unknown>;

export const dccFixture = (name: string): Json => JSON.parse(readFileSync(join(__dirname, '../fixtures/dcc', name), 'utf8'));
export const DCC_ISSUER = 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q';
export const DCC_LIST_URL = 'https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj';

/** In-memory trusted-issuer registry (the port the registry implements). */
export class FakeTrustedIssuers implements TrustedIssuerDirectory {
  readonly entries = new Map<string, TrustedIssuer>();
  add(entry: Partial<TrustedIssuer> & { did: string }): this {
    this.entries.set(entry.did, { name: entry.did, institutionId: null, didDocument: {}, creditUnit: null, ...entry });
    return this;
  }
  async find(did: string): Promise<TrustedIssuer | null> {
    return this.entries.get(did) ?? null;
  }
}

/** In-memory registered status lists. */
export class FakeStatusLists implements StatusListDirectory {
  readonly lists: RegisteredStatusList[] = [];
  add(url: string, credential: Json): this {
    this.lists.push({ id: String(credential.id), urls: [url, String(credential.id)], credential, digest: 'test', registeredAt: new Date().toISOString(), validFrom: null, validUntil: null });
    return this;
  }
  async find(url: string): Promise<RegisteredStatusList | null> {
    return this.lists.find((l) => l.urls.includes(url)) ?? null;
  }
}
