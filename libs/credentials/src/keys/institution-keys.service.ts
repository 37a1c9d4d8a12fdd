import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { CommandContext, CommandOutcome, EVENT_STORE, EventStore, foldStream, runCommand } from '@app/event-store';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { CREDENTIALS_CONFIG, CredentialsConfig } from '../config/credentials.config';
import { currentKey, InstitutionKey, institutionKeysDecider, InstitutionKeysState, NewKey } from './institution-keys.decider';
import { institutionKeysStream } from './institution-keys.events';
import { kekPath, loadKeyEncryptionKey } from './key-encryption-key';
import { decryptSecret, encryptSecret } from './secret-key-encryption';

/** What signs: the data-integrity signer of one institution key. */
export type KeySigner = ReturnType<Ed25519Multikey.Ed25519KeyPair['signer']>;

/**
 * Institution signing keys (Ed25519, did:key): generated on first use or by a rotation, recorded
 * as events with the secret key encrypted under the key-encryption key (AES-256-GCM, the key id
 * as additional data), decrypted in memory only to sign.
 */
@Injectable()
export class InstitutionKeys {
  private readonly logger = new Logger('InstitutionKeys');
  private kek: Buffer | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CREDENTIALS_CONFIG) private readonly config: CredentialsConfig,
    @Optional() @Inject(APP_CONFIG) private readonly appConfig?: AppConfig,
  ) {}

  async state(institutionId: string): Promise<InstitutionKeysState> {
    return (await foldStream(this.store, institutionKeysDecider, institutionKeysStream(institutionId))).state;
  }

  /** The key in force, generated (and recorded) when the institution has none. */
  async ensure(institutionId: string, context: CommandContext): Promise<InstitutionKey> {
    const existing = currentKey(await this.state(institutionId));
    if (existing) return existing;
    await runCommand(this.store, institutionKeysDecider, institutionKeysStream(institutionId), { kind: 'EnsureKey', institutionId, key: await this.newKey(), on: context.occurredAt ?? new Date().toISOString() }, context);
    const made = currentKey(await this.state(institutionId));
    if (!made) throw new Error(`no key recorded for institution ${institutionId}`);
    return made;
  }

  async rotate(institutionId: string, reason: string | null, context: CommandContext): Promise<CommandOutcome> {
    const key = await this.newKey();
    return runCommand(this.store, institutionKeysDecider, institutionKeysStream(institutionId), { kind: 'RotateKey', institutionId, key, reason, on: context.occurredAt ?? new Date().toISOString() }, context, {
      resource: { type: 'institution keys', id: institutionId },
    });
  }

  /** The signer of a recorded key (its secret decrypted in memory). */
  async signer(key: InstitutionKey): Promise<KeySigner> {
    const secretKeyMultibase = decryptSecret(this.keyEncryptionKey(), key.secretKey, key.keyId);
    const pair = await Ed25519Multikey.from({ type: 'Multikey', id: key.keyId, controller: key.did, publicKeyMultibase: key.publicKeyMultibase, secretKeyMultibase });
    return pair.signer();
  }

  private async newKey(): Promise<NewKey> {
    const generated = await Ed25519Multikey.generate();
    const did = `did:key:${generated.publicKeyMultibase}`;
    const keyId = `${did}#${generated.publicKeyMultibase}`;
    if (!generated.secretKeyMultibase) throw new Error('Ed25519 key generation returned no secret key');
    return { did, keyId, publicKeyMultibase: generated.publicKeyMultibase, secretKey: encryptSecret(this.keyEncryptionKey(), generated.secretKeyMultibase, keyId) };
  }

  private keyEncryptionKey(): Buffer {
    this.kek ??= loadKeyEncryptionKey(this.config.keyEncryptionKey, kekPath(this.appConfig), (m) => this.logger.warn(m));
    return this.kek;
  }
}
