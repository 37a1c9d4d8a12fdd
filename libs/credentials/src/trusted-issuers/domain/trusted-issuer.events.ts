import { DomainEvent, Json } from '@app/kernel';

/** Every trusted issuer lives in this one stream (registrations are rare, and a DID is active once). */
export const TRUSTED_ISSUERS_STREAM = 'trusted-issuers';

export type TrustedIssuerRegistered = DomainEvent<
  'TrustedIssuerRegistered',
  {
    trustedIssuerId: string;
    did: string;
    name: string;
    /** The institution whose accepted issuer this is (a registrar registers for its own only). */
    institutionId: string;
    /** As registered (did:web...) or built from the registered publicKeyMultibase. */
    didDocument: { [key: string]: Json };
    /** Unit of the issuer's OB3 credits when a credential states none (the institutions' units). */
    creditUnit: string | null;
    /** Who registered it: 'platform' (an admin) or the registrar's institution. */
    registeredBy: string;
    registeredOn: string;
  }
>;

export type TrustedIssuerRetired = DomainEvent<'TrustedIssuerRetired', { trustedIssuerId: string; did: string; reason: string; retiredOn: string }>;

export type TrustedIssuerEvent = TrustedIssuerRegistered | TrustedIssuerRetired;
