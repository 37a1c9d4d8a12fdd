import { TrustedIssuer, TrustedIssuerDirectory } from './trust.ports';

/** Until the trusted-issuer registry binds TRUSTED_ISSUERS: no issuer is trusted, no did:web key is known. */
export class EmptyTrustedIssuerDirectory implements TrustedIssuerDirectory {
  async find(_did: string): Promise<TrustedIssuer | null> {
    return null;
  }
}
