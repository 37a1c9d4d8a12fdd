import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { EVENT_STORE, EventStore, runCommand } from '@app/event-store';
import { DomainError, own } from '@app/kernel';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { StartupError } from '../../errors/startup-error';
import { accessDecider } from '../domain/access.decider';
import { ACCESS_STREAM, PLATFORM_INSTITUTION } from '../domain/access.events';
import { AccessRegistry } from './access-registry';
import { hashSecret, newCredentialToken, parseCredentialToken } from './credential-token';

export const ADMIN_TOKEN = Symbol.for('credit-transfer.AdminToken');

/** Name of the file, in the data directory, that receives a generated first admin credential. */
export const ADMIN_TOKEN_FILE = 'admin-token';

/**
 * Where a generated admin credential is written: next to the SQLite file (`./data` by default;
 * the default data directory for the other stores and an in-memory SQLite, which have no file).
 */
export function adminTokenPath(config: AppConfig | undefined): string {
  const store = config?.eventStore;
  const dataDir = store?.kind === 'sqlite' && store.path !== ':memory:' ? dirname(store.path) : './data';
  return resolve(join(dataDir, ADMIN_TOKEN_FILE));
}

/**
 * Writes the token to `path`, readable by its owner only (0600): an existing file is replaced,
 * never reused, so its old permissions cannot leak the new secret.
 */
export function writeAdminTokenFile(path: string, token: string): void {
  mkdirSync(dirname(path), { recursive: true });
  rmSync(path, { force: true });
  writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
}

/**
 * The first admin credential. If no active admin exists: take ADMIN_TOKEN from configuration
 * (format ct_<uuid>.<secret>), or generate one, print it once on stdout and write it to
 * `<data dir>/admin-token` (mode 0600; `npm run demo` reads it there). Later starts find the
 * admin in the access stream and do nothing. A configured ADMIN_TOKEN whose credential was
 * revoked cannot be issued again: start-up then stops with a StartupError saying how to recover.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: AccessRegistry,
    @Inject(ADMIN_TOKEN) private readonly configuredToken: string | undefined,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.registry.refresh();
    if (this.registry.hasActiveAdmin()) return;
    const configured = this.configuredToken ? parseCredentialToken(this.configuredToken) : null;
    if (this.configuredToken && !configured) throw new StartupError('ADMIN_TOKEN must look like ct_<uuid>.<43 base64url characters>');
    if (configured && own(this.registry.current.credentials, configured.credentialId)?.revoked) {
      throw new StartupError(
        `ADMIN_TOKEN is credential ${configured.credentialId}, which was revoked, and no admin credential is active: ` +
          'set ADMIN_TOKEN to a new token (ct_<uuid>.<43 base64url characters>) or unset it to have one generated, then start again',
      );
    }
    const issued = configured
      ? { credentialId: configured.credentialId, token: this.configuredToken as string, secretHash: hashSecret(configured.secret) }
      : newCredentialToken();
    const outcome = await runCommand(
      this.store,
      accessDecider,
      ACCESS_STREAM,
      {
        kind: 'IssueCredential',
        credentialId: issued.credentialId,
        institutionId: PLATFORM_INSTITUTION,
        role: 'admin',
        label: 'first admin (bootstrap)',
        secretHash: issued.secretHash,
        auditScope: [],
        onlyIfNoAdmin: true,
      },
      { actor: { institutionId: PLATFORM_INSTITUTION, role: 'system' }, correlationId: 'bootstrap' },
    ).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'admin-exists') return null; // another process won
      throw error;
    });
    if (!outcome) return;
    await this.registry.refresh();
    if (!configured) {
      // Printed once, on purpose: it is the only way to learn the first admin's secret.
      process.stdout.write(`\nFirst admin credential (shown once, store it now):\n  ${issued.token}\n\n`);
      this.logger.warn('generated the first admin credential; it was printed once on stdout');
      this.saveGenerated(issued.token);
    }
  }

  /** Never logs the token itself: only where it was written, or why it could not be. */
  private saveGenerated(token: string): void {
    const path = adminTokenPath(this.config);
    try {
      writeAdminTokenFile(path, token);
      this.logger.warn(`the first admin credential was also written to ${path} (mode 0600)`);
    } catch (error) {
      this.logger.warn(`could not write the first admin credential to ${path}: ${(error as Error).message}`);
    }
  }
}
