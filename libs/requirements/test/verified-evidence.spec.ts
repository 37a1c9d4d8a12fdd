import { evaluateRecognition, parseRecognitionPolicy, RecognitionEvidence } from '@app/requirements';
import { policy } from './parsed-definitions';

/**
 * Issue 14 in the engine: a recognition policy that asks for presented, verified credentials
 * (requireVerified), refuses an unknown revocation status (refuseUnknownStatus), and accepts only
 * some signing DIDs (acceptedIssuerDids).
 */
const OPTIONS = { referenceDate: '2026-09-01' };
const MITX_DID = 'did:web:mitx.example.edu';
const raw = {
  id: 'pol', version: '1', effectiveFrom: '2026-01-01', receivingInstitution: 'mit', creditUnit: 'ECTS', acceptedIssuers: ['mitx'], unmatched: 'elective',
  requireVerified: true, refuseUnknownStatus: true, acceptedIssuerDids: [MITX_DID],
};
const ev = (id: string, extra: Partial<RecognitionEvidence> = {}): RecognitionEvidence => ({ id, kind: 'course', issuer: 'mitx', code: 'SCM.SC1x', title: 'Supply Chain Analytics', credits: 6, unit: 'ECTS', date: '2026-01-10', ...extra });
const verified = (status: 'not-revoked' | 'unknown' | 'none', issuerDid = MITX_DID) => ({ verification: { issuerDid, status, format: 'ob3' } });
const reasonsOf = (e: RecognitionEvidence) => evaluateRecognition(policy(raw), [e], OPTIONS).decisions[0].reasons;

describe('policies asking for verified credentials', () => {
  it('given requireVerified, when the evidence is a verified credential signed by an accepted DID with a known status, then it is granted', () => {
    const d = evaluateRecognition(policy(raw), [ev('vc', verified('not-revoked'))], OPTIONS).decisions[0];
    expect(d.decision).toBe('granted');
    expect(reasonsOf(ev('vc', verified('none')))).not.toContain('STATUS_UNKNOWN');
  });

  it('given requireVerified, when the credit was typed in by an issuer (no verification), then it is denied VERIFICATION_REQUIRED', () => {
    expect(reasonsOf(ev('typed'))).toEqual(['VERIFICATION_REQUIRED']);
  });

  it('given refuseUnknownStatus, when the status could not be established, then it is denied STATUS_UNKNOWN', () => {
    expect(reasonsOf(ev('vc', verified('unknown')))).toEqual(['STATUS_UNKNOWN']);
  });

  it('given acceptedIssuerDids, when another DID signed it, then it is denied ISSUER_DID_NOT_ACCEPTED naming the signer', () => {
    const d = evaluateRecognition(policy(raw), [ev('vc', verified('not-revoked', 'did:web:elsewhere.example.com'))], OPTIONS).decisions[0];
    expect(d.reasons).toEqual(['ISSUER_DID_NOT_ACCEPTED']);
    expect(d.messages.join(' ')).toContain('did:web:elsewhere.example.com');
  });

  it('given a policy without the keys, when typed-in evidence comes, then nothing changes', () => {
    const plain = policy({ ...raw, requireVerified: undefined, refuseUnknownStatus: undefined, acceptedIssuerDids: undefined });
    expect(evaluateRecognition(plain, [ev('typed')], OPTIONS).decisions[0].decision).toBe('granted');
  });

  it('given a DID that is not a DID, when the policy is parsed, then it is refused at its pointer', () => {
    const parsed = parseRecognitionPolicy({ ...raw, acceptedIssuerDids: ['mitx'] });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toContain('/acceptedIssuerDids/0');
  });
});
