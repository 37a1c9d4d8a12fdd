import { apiSchema, s } from '@app/platform';

const entry = s.object(
  {
    trustedIssuerId: s.string(),
    did: s.string(),
    name: s.string(),
    institutionId: s.string('the institution that accepts this issuer'),
    didDocument: s.json('the DID document the offline verifier resolves the DID (and its did#fragment methods) to'),
    creditUnit: s.nullable(s.string('unit of its OB3 credits when a credential states none')),
    registeredBy: s.string('institution of who registered it (platform: an admin)'),
    registeredOn: s.date(),
    retired: s.nullable(s.object({ reason: s.string(), retiredOn: s.date() })),
  },
  { description: 'An entry of the trusted-issuer registry (retired: null while active)' },
);

export const TRUSTED_ISSUER = apiSchema('TrustedIssuer', entry);
export const TRUSTED_ISSUER_LIST = apiSchema('TrustedIssuerList', s.object({ trustedIssuers: s.array(entry), revision: s.integer('revision of the registry (-1: empty); pass it as If-Match to a retirement') }));
