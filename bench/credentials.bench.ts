/**
 * `npm run bench:credentials`: verifications/s of an eddsa-rdfc-2022 Open Badges 3.0 credential
 * through the offline verifier (RDF canonicalisation, proof, issuer, status, validity, OB 3.0
 * schema), next to a bare JSON.parse + Ed25519 verify (node:crypto) of the same bytes, in the same
 * run, on one core (sequential). Goal: >= 200 verifications/s through the verifier.
 * BENCH_CREDENTIALS_SECONDS sets each measurement's duration (default 5).
 */
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CredentialVerifier, RegisteredStatusList, TrustedIssuer } from '@app/credentials';
import { nowMs, printTable, Row } from './lib/report';

const seconds = Number(process.env.BENCH_CREDENTIALS_SECONDS ?? '5');
const fixture = join(__dirname, '../libs/credentials/test/fixtures/dcc/ob3-spec-example.eddsa-rdfc-2022.json');
const bytes = readFileSync(fixture);
const issuerDid = 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q';

async function rateOf(work: () => Promise<void> | void): Promise<{ rate: number; count: number }> {
  for (let i = 0; i < 20; i += 1) await work(); // warm-up: contexts resolved, schema compiled, JIT
  const start = nowMs();
  let count = 0;
  while (nowMs() - start < seconds * 1000) {
    await work();
    count += 1;
  }
  return { rate: (count * 1000) / (nowMs() - start), count };
}

async function main(): Promise<void> {
  const trusted: TrustedIssuer = { did: issuerDid, name: 'Example Corp', institutionId: null, didDocument: {}, creditUnit: 'ECTS' };
  const verifier = new CredentialVerifier({ find: async (did) => (did === issuerDid ? trusted : null) }, { find: async (): Promise<RegisteredStatusList | null> => null });

  const verified = await rateOf(async () => {
    const report = await verifier.verify({ credential: JSON.parse(bytes.toString('utf8')) });
    if (!report.verified) throw new Error(`not verified: ${JSON.stringify(report.checks)}`);
  });

  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const signature = sign(null, bytes, privateKey);
  const bare = await rateOf(() => {
    JSON.parse(bytes.toString('utf8'));
    if (!verify(null, bytes, publicKey, signature)) throw new Error('bare signature did not verify');
  });

  const rows: Row[] = [
    { path: 'verifier: eddsa-rdfc-2022 OB 3.0 (all checks)', 'verifications/s': verified.rate, count: verified.count },
    { path: 'bare: JSON.parse + Ed25519 verify (node:crypto)', 'verifications/s': bare.rate, count: bare.count },
  ];
  printTable(`credential verification, ${bytes.length} bytes, ${seconds}s each, one core`, rows);
  console.log(`\nratio verifier / bare: ${(verified.rate / bare.rate).toFixed(4)} (bare is ${(bare.rate / verified.rate).toFixed(1)}x faster)`);
  console.log(`goal >= 200 verifications/s through the verifier: ${verified.rate >= 200 ? 'met' : 'NOT met'} (${verified.rate.toFixed(1)}/s)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
