import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { TrustedIssuer, TrustedIssuerDirectory } from '../../verification/trust.ports';
import { DidDocumentSource } from '../../jsonld/document-loader';
import { dereference } from '../domain/did-document';
import { activeEntryOf, entryOf, TrustedIssuerEntry, trustedIssuerDecider, TrustedIssuerRegistryState } from '../domain/trusted-issuer.decider';
import { TRUSTED_ISSUERS_STREAM } from '../domain/trusted-issuer.events';
import { decodeTrustedIssuerEvent } from './trusted-issuer-event.decoder';

const REFRESH_MS = 500;

/**
 * The trusted-issuer read model, in memory: folded from the `trusted-issuers` stream and refreshed
 * by reading its new tail, on a miss and at most every 500 ms otherwise (like the access registry).
 * The command handler refreshes it after every write, so what this process registers or retires
 * is seen by the next request (read-your-writes); another process's writes within 500 ms.
 * It is the TrustedIssuerDirectory of the verifier, and the source of DID documents for the
 * offline document loader.
 */
@Injectable()
export class TrustedIssuerRegistry implements TrustedIssuerDirectory, OnApplicationBootstrap {
  private state: TrustedIssuerRegistryState = trustedIssuerDecider.initialState;
  private revision = -1;
  private refreshedAt = 0;
  private refreshing: Promise<void> | null = null;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
  }

  /** Reads the stream's new events (coalescing concurrent callers into one read). */
  refresh(): Promise<void> {
    this.refreshing ??= this.readTail().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async readTail(): Promise<void> {
    let state = this.state;
    for await (const event of this.store.readStream(TRUSTED_ISSUERS_STREAM, { fromRevision: this.revision + 1 })) {
      const decoded = decodeTrustedIssuerEvent(event);
      if (decoded) state = trustedIssuerDecider.evolve(state, decoded);
      this.revision = event.revision;
    }
    this.state = state;
    this.refreshedAt = Date.now();
  }

  /** The stream revision the current state was folded at (-1: nothing registered yet). */
  get currentRevision(): number {
    return this.revision;
  }

  private async fresh(hit: boolean): Promise<TrustedIssuerRegistryState> {
    if (!hit || Date.now() - this.refreshedAt > REFRESH_MS) await this.refresh();
    return this.state;
  }

  /** An entry, active or retired, by its id. */
  async entry(trustedIssuerId: string): Promise<TrustedIssuerEntry | null> {
    const state = await this.fresh(entryOf(this.state, trustedIssuerId) !== undefined);
    return entryOf(state, trustedIssuerId) ?? null;
  }

  /** Every entry, oldest first; of one institution when given; retired ones only when asked for. */
  async entries(filter: { institutionId?: string; includeRetired?: boolean }): Promise<TrustedIssuerEntry[]> {
    await this.refresh();
    return Object.values(this.state.entries).filter((e) => (filter.institutionId === undefined || e.institutionId === filter.institutionId) && (filter.includeRetired || !e.retired));
  }

  /** The active entry of a DID, read fresh on a miss. */
  private async activeEntry(did: string): Promise<TrustedIssuerEntry | null> {
    const state = await this.fresh(activeEntryOf(this.state, did) !== undefined);
    return activeEntryOf(state, did) ?? null;
  }

  async find(did: string): Promise<TrustedIssuer | null> {
    const entry = await this.activeEntry(did);
    if (!entry) return null;
    return { did: entry.did, name: entry.name, institutionId: entry.institutionId, didDocument: entry.didDocument, creditUnit: entry.creditUnit };
  }

  /** For offlineDocumentLoader({ didDocuments }): an active issuer's DID document, or one of its verification methods for `did#fragment`. */
  readonly didDocuments: DidDocumentSource = async (didUrl) => {
    const entry = await this.activeEntry(didUrl.split('#')[0]);
    return entry ? dereference(entry.didDocument, didUrl) : null;
  };
}
