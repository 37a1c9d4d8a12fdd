import { Inject, Injectable } from '@nestjs/common';
import type { Json } from '@app/kernel';
import { CREDENTIALS_CONFIG, CredentialsConfig } from '../config/credentials.config';
import { RecognitionIssuer, statusListUrl } from '../issuing/recognition-issuer';
import { parseStatusListId } from '../issuing/recognition.events';
import { signCredential } from '../issuing/sign-credential';
import { InstitutionKeys } from '../keys/institution-keys.service';
import { statusListDocument } from './status-list-credential';

/**
 * The status lists this system hosts: one per institution key (`<institutionId>.<key sequence>`),
 * where the recognition credentials signed with that key have their revocation bit. Built from
 * the events (the indexes the institution's revocations set) and signed by that key, created at
 * the last revocation: deterministic given the log, re-signed only when a bit changed (kept per
 * list and state in memory, so repeated reads return the same bytes without signing again).
 */
@Injectable()
export class HostedStatusLists {
  private readonly signed = new Map<string, { fingerprint: string; document: { [key: string]: Json } }>();

  constructor(
    @Inject(CREDENTIALS_CONFIG) private readonly config: CredentialsConfig,
    private readonly keys: InstitutionKeys,
    private readonly issuer: RecognitionIssuer,
  ) {}

  /** The signed list credential, or null when no such list exists (unknown institution or key). */
  async find(statusListId: string): Promise<{ [key: string]: Json } | null> {
    const parsed = parseStatusListId(statusListId);
    if (!parsed) return null;
    const key = (await this.keys.state(parsed.institutionId)).keys.find((k) => k.sequence === parsed.keySequence);
    if (!key) return null;
    const list = (await this.issuer.recognition(parsed.institutionId)).lists[statusListId];
    const revoked = [...(list?.revoked ?? [])].sort((a, b) => a - b);
    const validFrom = list?.lastRevokedOn ?? key.since;
    const fingerprint = `${key.keyId}|${validFrom}|${revoked.join(',')}`;
    const kept = this.signed.get(statusListId);
    if (kept?.fingerprint === fingerprint) return kept.document;
    const document = await statusListDocument({ url: statusListUrl(this.config, statusListId), issuerDid: key.did, revoked, validFrom });
    const signedDocument = await signCredential(document, await this.keys.signer(key), validFrom);
    this.signed.set(statusListId, { fingerprint, document: signedDocument });
    return signedDocument;
  }
}
