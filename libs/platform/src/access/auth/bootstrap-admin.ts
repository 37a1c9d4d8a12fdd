import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore, runCommand } from '@app/event-store';
import { DomainError } from '@app/kernel';
import { accessDecider } from '../domain/access.decider';
import { ACCESS_STREAM, PLATFORM_INSTITUTION } from '../domain/access.events';
import { AccessRegistry } from './access-registry';
import { hashSecret, newCredentialToken, parseCredentialToken } from './credential-token';

export const ADMIN_TOKEN = Symbol.for('credit-transfer.AdminToken');

/**
 * The first admin credential. If no active admin exists: take ADMIN_TOKEN from configuration
 * (format ct_<uuid>.<secret>), or generate one and print it once on stdout. Later starts find
 * the admin in the access stream and do nothing.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: AccessRegistry,
    @Inject(ADMIN_TOKEN) private readonly configuredToken: string | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.registry.refresh();
    if (this.registry.hasActiveAdmin()) return;
    const configured = this.configuredToken ? parseCredentialToken(this.configuredToken) : null;
    if (this.configuredToken && !configured) throw new Error('ADMIN_TOKEN must look like ct_<uuid>.<43 base64url characters>');
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
    }
  }
}
