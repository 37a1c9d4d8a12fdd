import { isPartyTo, mayViewRequest } from '../src/domain/request-visibility';

const request = { submitterInstitution: 'uni-porto', receivingInstitution: 'mit' };

describe('request visibility: who sees a credit-transfer request (everyone else gets the 404 of an unknown one)', () => {
  it('its parties: the submitting institution’s submitters and the receiving institution’s registrars', () => {
    expect(isPartyTo({ institutionId: 'uni-porto', role: 'submitter' }, request)).toBe(true);
    expect(isPartyTo({ institutionId: 'mit', role: 'registrar' }, request)).toBe(true);
  });

  it('not another role of a party institution, nor another institution', () => {
    expect(isPartyTo({ institutionId: 'mit', role: 'submitter' }, request)).toBe(false);
    expect(isPartyTo({ institutionId: 'uni-porto', role: 'registrar' }, request)).toBe(false);
    expect(isPartyTo({ institutionId: 'harvard', role: 'registrar' }, request)).toBe(false);
    expect(isPartyTo({ institutionId: 'mit', role: 'issuer' }, request)).toBe(false);
  });

  it('auditors whose scope covers either institution (or all), and the admin, see it; a party never writes as an auditor', () => {
    expect(mayViewRequest({ institutionId: 'platform', role: 'auditor', auditScope: ['mit'] }, request)).toBe(true);
    expect(mayViewRequest({ institutionId: 'platform', role: 'auditor', auditScope: ['uni-porto'] }, request)).toBe(true);
    expect(mayViewRequest({ institutionId: 'platform', role: 'auditor', auditScope: ['*'] }, request)).toBe(true);
    expect(mayViewRequest({ institutionId: 'platform', role: 'auditor', auditScope: ['harvard'] }, request)).toBe(false);
    expect(mayViewRequest({ institutionId: 'platform', role: 'auditor' }, request)).toBe(false);
    expect(mayViewRequest({ institutionId: 'platform', role: 'admin' }, request)).toBe(true);
    expect(isPartyTo({ institutionId: 'platform', role: 'auditor', auditScope: ['*'] }, request)).toBe(false);
  });
});
