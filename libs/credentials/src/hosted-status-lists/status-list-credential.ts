import { createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import type { Json } from '@app/kernel';
import { STATUS_LIST_LENGTH } from '../issuing/recognition.events';

/**
 * The unsigned BitstringStatusListCredential of a hosted list (statusPurpose revocation,
 * 131072 bits, built and encoded by vc-bitstring-status-list): the bits at `revoked` set, issued
 * by the key's DID (the issuer of the credentials it answers for), valid from `validFrom` (the
 * last revocation, else the key's first day). Same input, same document.
 */
export async function statusListDocument(input: { url: string; issuerDid: string; revoked: readonly number[]; validFrom: string }): Promise<{ [key: string]: Json }> {
  const list = await createList({ length: STATUS_LIST_LENGTH });
  for (const index of input.revoked) list.setStatus(index, true);
  const credential = await createCredential({ id: input.url, list, statusPurpose: 'revocation' });
  const subject = credential.credentialSubject as { id: string; type: string; encodedList: string; statusPurpose: string };
  return {
    '@context': credential['@context'] as string[],
    id: input.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuerDid,
    validFrom: input.validFrom,
    credentialSubject: { id: subject.id, type: subject.type, encodedList: subject.encodedList, statusPurpose: subject.statusPurpose },
  };
}
