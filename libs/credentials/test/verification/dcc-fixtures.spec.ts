import { CredentialVerifier } from '../../src/verification/credential-verifier';
import { DCC_ISSUER, DCC_LIST_URL, FakeStatusLists, FakeTrustedIssuers, dccFixture } from './fakes';

interface Case {
  file: string;
  statusLists?: Record<string, string>;
  expect: { proof: boolean; validNow: boolean; statusVerified: boolean | null; revokedBit: boolean | null; accept: boolean };
}
const manifest = dccFixture('manifest.json') as { cases: Case[] };

describe('the public DCC fixtures verify as manifest.json says', () => {
  const issuers = new FakeTrustedIssuers().add({ did: DCC_ISSUER, name: 'Example Corp' });
  const verifier = new CredentialVerifier(issuers, new FakeStatusLists());

  it.each(manifest.cases.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    const statusLists = Object.entries(c.statusLists ?? {}).map(([url, file]) => ({ url, credential: dccFixture(file) }));
    const report = await verifier.verify({ credential: dccFixture(c.file), statusLists });
    const check = (name: string) => report.checks.find((x) => x.check === name);
    expect(check('proof')?.outcome).toBe(c.expect.proof ? 'passed' : 'failed');
    expect(check('validity')?.outcome).toBe(c.expect.validNow ? 'passed' : 'failed');
    if (c.expect.revokedBit === null) expect(report.status).toBe('none');
    else expect(report.status).toBe(c.expect.revokedBit ? 'revoked' : 'not-revoked');
    expect(report.verified).toBe(c.expect.accept);
    expect(report.issuer).toMatchObject({ id: DCC_ISSUER, trusted: true });
  });

  it('finds a registered list by the URL in the entry, though the list credential has another id', async () => {
    const lists = new FakeStatusLists().add(DCC_LIST_URL, dccFixture('status-list.e5WK8CbZ1GjycuPombrj.json'));
    const registered = new CredentialVerifier(issuers, lists);
    const revoked = await registered.verify({ credential: dccFixture('ed25519-2020.revoked.json') });
    expect(revoked.status).toBe('revoked');
    expect(revoked.checks.find((c) => c.check === 'status')?.message).toContain('revocation bit 8');
    const valid = await registered.verify({ credential: dccFixture('eddsa-rdfc-2022.valid-status.json') });
    expect(valid).toMatchObject({ verified: true, status: 'not-revoked' });
  });

  it('reports a status list neither given nor registered as unknown, not as valid', async () => {
    const report = await verifier.verify({ credential: dccFixture('ed25519-2020.valid-status.json') });
    expect(report.status).toBe('unknown');
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.check === 'status')).toMatchObject({ outcome: 'unknown', message: expect.stringContaining('neither given in the request nor registered') });
  });

  it('checks the OB 3.0 JSON Schema of the OB3 specification example', async () => {
    const report = await verifier.verify({ credential: dccFixture('ob3-spec-example.eddsa-rdfc-2022.json') });
    expect(report.format).toBe('ob3');
    expect(report.checks.find((c) => c.check === 'schema')).toMatchObject({ outcome: 'passed' });
    expect(report.achievements.length).toBeGreaterThan(0);
  });

  it('reports a valid proof from an unregistered did:key issuer as untrusted', async () => {
    const untrusting = new CredentialVerifier(new FakeTrustedIssuers(), new FakeStatusLists());
    const report = await untrusting.verify({ credential: dccFixture('ed25519-2020.no-status.json') });
    expect(report.issuer.trusted).toBe(false);
    expect(report.checks.find((c) => c.check === 'proof')?.outcome).toBe('passed');
    expect(report.checks.find((c) => c.check === 'issuer')).toMatchObject({ outcome: 'failed', message: expect.stringContaining('not in the trusted-issuer registry') });
  });
});
