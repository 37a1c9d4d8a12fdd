import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { fold, own } from '@app/kernel';
import { accessDecider, AccessState } from '../domain/access.decider';
import { ACCESS_STREAM, AccessEvent } from '../domain/access.events';
import { parseCredentialToken, secretMatches } from './credential-token';
import { Principal } from './principal';

const REFRESH_MS = 500;

/**
 * The access read model, in memory: folded from the `access` stream and refreshed by reading
 * only its new tail, on a cache miss and at most every 500 ms otherwise. A revocation made by
 * another process takes effect within that interval; one made by this process, at once.
 */
@Injectable()
export class AccessRegistry implements OnApplicationBootstrap {
  private state: AccessState = accessDecider.initialState;
  private revision = -1;
  private refreshedAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
  }

  get current(): AccessState {
    return this.state;
  }

  /** Reads the stream's new events (coalescing concurrent callers into one read). */
  refresh(): Promise<void> {
    this.refreshing ??= this.readTail().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async readTail(): Promise<void> {
    const events: AccessEvent[] = [];
    for await (const event of this.store.readStream(ACCESS_STREAM, { fromRevision: this.revision + 1 })) {
      events.push({ type: event.type, data: event.data } as unknown as AccessEvent);
      this.revision = event.revision;
    }
    this.state = fold(accessDecider, events, this.state);
    this.refreshedAt = Date.now();
  }

  async authenticate(token: string): Promise<Principal | null> {
    const parsed = parseCredentialToken(token);
    if (!parsed) return null;
    if (!own(this.state.credentials, parsed.credentialId) || Date.now() - this.refreshedAt > REFRESH_MS) await this.refresh();
    const credential = own(this.state.credentials, parsed.credentialId);
    if (!credential || credential.revoked || !secretMatches(parsed.secret, credential.secretHash)) return null;
    return {
      credentialId: parsed.credentialId,
      institutionId: credential.institutionId,
      role: credential.role,
      auditScope: credential.auditScope,
    };
  }

  institution(institutionId: string) {
    return own(this.state.institutions, institutionId);
  }

  hasActiveAdmin(): boolean {
    return Object.values(this.state.credentials).some((c) => c.role === 'admin' && !c.revoked);
  }
}
