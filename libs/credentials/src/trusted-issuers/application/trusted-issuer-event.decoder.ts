import { RecordedEvent } from '@app/event-store';
import { Json } from '@app/kernel';
import { TrustedIssuerEvent } from '../domain/trusted-issuer.events';

const isString = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: Json | undefined): value is { [key: string]: Json } => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A stored event of the `trusted-issuers` stream as the decider's event: checked at the store
 * boundary, so a malformed or unknown event is skipped by name instead of folded as garbage.
 */
export function decodeTrustedIssuerEvent(event: Pick<RecordedEvent, 'type' | 'data'>): TrustedIssuerEvent | null {
  const d = event.data;
  switch (event.type) {
    case 'TrustedIssuerRegistered':
      if (![d.trustedIssuerId, d.did, d.name, d.institutionId, d.registeredBy, d.registeredOn].every(isString) || !isObject(d.didDocument)) return null;
      if (d.creditUnit !== null && !isString(d.creditUnit)) return null;
      return {
        type: 'TrustedIssuerRegistered',
        data: {
          trustedIssuerId: d.trustedIssuerId as string,
          did: d.did as string,
          name: d.name as string,
          institutionId: d.institutionId as string,
          didDocument: d.didDocument,
          creditUnit: d.creditUnit,
          registeredBy: d.registeredBy as string,
          registeredOn: d.registeredOn as string,
        },
      };
    case 'TrustedIssuerRetired':
      if (![d.trustedIssuerId, d.did, d.reason, d.retiredOn].every(isString)) return null;
      return { type: 'TrustedIssuerRetired', data: { trustedIssuerId: d.trustedIssuerId as string, did: d.did as string, reason: d.reason as string, retiredOn: d.retiredOn as string } };
    default:
      return null;
  }
}
