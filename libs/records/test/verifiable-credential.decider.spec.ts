import { given } from '@app/testing';
import { CredentialVerification, learnerDecider, learnerRecordOf, LearnerEvent, PresentVerifiableCredential, presentedEvidenceOf, RecheckVerifiableCredential } from '../src';
import { LEARNER, MITX, registered } from './records.fixtures';

const MITX_DID = 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q';
const SUBMITTER = { institutionId: 'mitx', role: 'submitter' };
const OTHER_SUBMITTER = { institutionId: 'asu', role: 'submitter' };
const REGISTRAR = { institutionId: 'mit', role: 'registrar' };

const verification = (overrides: Partial<CredentialVerification> = {}): CredentialVerification => ({
  verified: true,
  format: 'ob3',
  issuer: { id: MITX_DID, name: 'MITx', trusted: true, institutionId: 'mitx' },
  key: { id: `${MITX_DID}#z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q`, fingerprint: 'ab'.repeat(32) },
  checks: [
    { check: 'proof', outcome: 'passed', message: 'eddsa-rdfc-2022 proof verified' },
    { check: 'issuer', outcome: 'passed', message: 'MITx is a trusted issuer' },
    { check: 'status', outcome: 'passed', message: 'not revoked (bit 9 clear)' },
    { check: 'validity', outcome: 'passed', message: 'valid on 2026-09-01' },
  ],
  status: 'not-revoked',
  statusList: { url: 'https://mitx.example/status/1', digest: 'cd'.repeat(32), obtainedAt: '2026-09-01T10:00:00.000Z', source: 'request' },
  subjectId: 'did:example:learner',
  validFrom: '2026-06-15T00:00:00Z',
  validUntil: null,
  achievements: [
    {
      id: 'https://mitx.example/achievements/scm-mm',
      name: 'MicroMasters Program in Supply Chain Management',
      achievementType: 'MicroCredential',
      code: 'MITx-SCM-MM',
      fieldOfStudy: 'supply-chain-management',
      eqfLevel: 7,
      credits: { value: '30', unit: 'ECTS', source: 'issuer registry: ECTS' },
      result: 'Pass',
      achievedOn: null,
    },
  ],
  ...overrides,
});

const present = (overrides: Partial<PresentVerifiableCredential> = {}): PresentVerifiableCredential => ({
  kind: 'PresentVerifiableCredential',
  learnerId: LEARNER,
  vcId: 'vc1',
  actor: SUBMITTER,
  document: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] },
  digest: 'ef'.repeat(32),
  verification: verification(),
  referenceDate: '2026-09-01T10:00:00.000Z',
  presentedOn: '2026-09-01',
  ...overrides,
});

const presented = (): LearnerEvent => learnerDecider.decide(present(), learnerRecordOf([registered]))[0];

describe('learner decider: presenting a verifiable credential', () => {
  it('records a verified credential from a trusted issuer with its achievements as evidence', () => {
    const [event] = given(learnerDecider, [registered])
      .when(present())
      .thenMatches([{ type: 'VerifiableCredentialPresented', data: { vcId: 'vc1', presentedBy: 'mitx', digest: 'ef'.repeat(32), referenceDate: '2026-09-01T10:00:00.000Z' } }]);
    if (event.type !== 'VerifiableCredentialPresented') throw new Error('unexpected event');
    expect(event.data.achievements).toEqual([
      {
        index: 0,
        achievementId: 'https://mitx.example/achievements/scm-mm',
        name: 'MicroMasters Program in Supply Chain Management',
        achievementType: 'MicroCredential',
        code: 'MITx-SCM-MM',
        credits: '30',
        unit: 'ECTS',
        noCreditReason: null,
        eqfLevel: 7,
        field: 'supply-chain-management',
        grade: { scale: 'pass-fail', value: 'P' },
        achievedOn: '2026-06-15',
      },
    ]);
  });

  it('keeps an achievement without a determinable unit as evidence without credit, saying why', () => {
    const v = verification({ achievements: [{ ...verification().achievements[0], credits: { value: '30', unit: null, source: 'OB3 creditsAvailable carries no unit and the issuer registered none' } }] });
    const [event] = given(learnerDecider, [registered]).when(present({ verification: v })).thenMatches([{ type: 'VerifiableCredentialPresented' }]);
    if (event.type !== 'VerifiableCredentialPresented') throw new Error('unexpected event');
    expect(event.data.achievements[0]).toMatchObject({ credits: null, unit: null });
    expect(event.data.achievements[0].noCreditReason).toContain('no determinable unit');
    const record = learnerRecordOf([registered, event]);
    expect(presentedEvidenceOf(record.verifiableCredentials![0])).toEqual([]);
  });

  it('refuses a credential that did not verify (422, the checks in the answer)', () => {
    const failed = verification({ verified: false, checks: [{ check: 'proof', outcome: 'failed', message: 'signature does not match' }] });
    const error = given(learnerDecider, [registered]).when(present({ verification: failed })).thenRefuses('unprocessable', 'credential-not-verified');
    expect(error.details?.fields).toMatchObject({ checks: [{ check: 'proof', outcome: 'failed' }] });
  });

  it('refuses a valid proof from an issuer not in the trusted-issuer registry (422)', () => {
    const untrusted = verification({ verified: false, issuer: { id: MITX_DID, name: 'Example', trusted: false, institutionId: null } });
    given(learnerDecider, [registered]).when(present({ verification: untrusted })).thenRefuses('unprocessable', 'issuer-not-trusted');
  });

  it('lets only the submitter that registered the learner, a registrar, or the issuer itself present', () => {
    given(learnerDecider, [registered]).when(present({ actor: OTHER_SUBMITTER })).thenRefuses('forbidden', 'not-learner-registrar');
    given(learnerDecider, [registered]).when(present({ actor: { institutionId: 'gtx', role: 'issuer' } })).thenRefuses('forbidden', 'not-credential-issuer');
    given(learnerDecider, [registered]).when(present({ actor: REGISTRAR })).thenMatches([{ type: 'VerifiableCredentialPresented' }]);
    given(learnerDecider, [registered]).when(present({ actor: MITX })).thenMatches([{ type: 'VerifiableCredentialPresented' }]);
  });

  it('refuses the same credential twice (409) and an unknown learner (404)', () => {
    given(learnerDecider, [registered, presented()]).when(present({ vcId: 'vc2' })).thenRefuses('conflict', 'credential-already-presented');
    given(learnerDecider, []).when(present()).thenRefuses('not-found', 'learner-not-found');
  });
});

describe('learner decider: re-checking a presented credential', () => {
  const recheck = (v: CredentialVerification): RecheckVerifiableCredential => ({ kind: 'RecheckVerifiableCredential', learnerId: LEARNER, vcId: 'vc1', actor: REGISTRAR, verification: v, recheckedOn: '2026-10-01' });
  const newer = { url: 'https://mitx.example/status/1', digest: '12'.repeat(32), obtainedAt: '2026-10-01T09:00:00.000Z', source: 'request' as const };

  it('records a change to revoked, after which the credential is evidence of nothing', () => {
    const revoked = verification({ verified: false, status: 'revoked', statusList: newer, checks: [{ check: 'proof', outcome: 'passed', message: 'ok' }, { check: 'status', outcome: 'failed', message: 'revoked (bit 9 set)' }] });
    const [event] = given(learnerDecider, [registered, presented()])
      .when(recheck(revoked))
      .thenMatches([{ type: 'VerifiableCredentialRechecked', data: { previousStatus: 'not-revoked', status: 'revoked', statusList: newer } }]);
    const record = learnerRecordOf([registered, presented(), event]);
    expect(record.verifiableCredentials![0]).toMatchObject({ status: 'revoked', revoked: true });
    expect(presentedEvidenceOf(record.verifiableCredentials![0])).toEqual([]);
  });

  it('refuses reading the same list again (409), an unknown credential (404) and a proof that fails (422)', () => {
    given(learnerDecider, [registered, presented()]).when(recheck(verification())).thenRefuses('conflict', 'status-list-already-checked');
    given(learnerDecider, [registered]).when(recheck(verification({ statusList: newer }))).thenRefuses('not-found', 'verifiable-credential-not-found');
    const broken = verification({ statusList: newer, checks: [{ check: 'proof', outcome: 'failed', message: 'key not found' }] });
    given(learnerDecider, [registered, presented()]).when(recheck(broken)).thenRefuses('unprocessable', 'credential-not-verified');
  });

  it('gives the credit-bearing achievement as engine evidence with one item id', () => {
    const record = learnerRecordOf([registered, presented()]);
    expect(presentedEvidenceOf(record.verifiableCredentials![0])).toEqual([
      expect.objectContaining({ id: 'verifiable-credential:vc1', kind: 'credential', issuer: 'mitx', code: 'MITx-SCM-MM', credits: '30', unit: 'ECTS', level: 'EQF7', date: '2026-06-15' }),
    ]);
  });
});

describe('learner decider: a credential whose status could not be established', () => {
  it('is recorded with status unknown when every other check passed, and carries it into the evidence', () => {
    const unknown = verification({
      verified: false,
      status: 'unknown',
      statusList: null,
      checks: [
        { check: 'proof', outcome: 'passed', message: 'ok' },
        { check: 'status', outcome: 'unknown', message: 'status list https://mitx.example/status/1 was not given and is not registered' },
      ],
    });
    const [event] = given(learnerDecider, [registered]).when(present({ verification: unknown })).thenMatches([{ type: 'VerifiableCredentialPresented' }]);
    const record = learnerRecordOf([registered, event]);
    expect(presentedEvidenceOf(record.verifiableCredentials![0])[0].verification).toEqual({ issuerDid: MITX_DID, status: 'unknown', format: 'ob3' });
  });

  it('is still refused when another check failed too', () => {
    const broken = verification({ verified: false, status: 'unknown', checks: [{ check: 'validity', outcome: 'failed', message: 'expired on 2011-01-01' }, { check: 'status', outcome: 'unknown', message: 'no list' }] });
    given(learnerDecider, [registered]).when(present({ verification: broken })).thenRefuses('unprocessable', 'credential-not-verified');
  });
});
