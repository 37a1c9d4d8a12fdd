import { Decider, DomainError, refuse } from '@app/kernel';
import { checkedDidDocument, didDocumentFromMultikey, JsonDocument } from './did-document';
import { didMethodOf, isDid } from './did-syntax';
import { TrustedIssuerEvent, TrustedIssuerRegistered } from './trusted-issuer.events';

export interface TrustedIssuerEntry {
  trustedIssuerId: string;
  did: string;
  name: string;
  institutionId: string;
  didDocument: JsonDocument;
  creditUnit: string | null;
  registeredBy: string;
  registeredOn: string;
  retired: { reason: string; retiredOn: string } | null;
}

export interface TrustedIssuerRegistryState {
  entries: Record<string, TrustedIssuerEntry>;
  /** DID -> id of its active (not retired) entry. */
  activeByDid: Record<string, string>;
}

/** A record's own value ("__proto__" or "constructor" as an id find nothing). */
export const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/** The entry with this id, or undefined. */
export const entryOf = (state: TrustedIssuerRegistryState, trustedIssuerId: string): TrustedIssuerEntry | undefined => own(state.entries, trustedIssuerId);

/** The active entry of a DID, or undefined. */
export function activeEntryOf(state: TrustedIssuerRegistryState, did: string): TrustedIssuerEntry | undefined {
  const id = own(state.activeByDid, did);
  return id === undefined ? undefined : entryOf(state, id);
}

export interface TrustedIssuerActor {
  institutionId: string;
  role: string;
}

export interface RegisterTrustedIssuer {
  kind: 'RegisterTrustedIssuer';
  trustedIssuerId: string;
  actor: TrustedIssuerActor;
  did: string;
  name: string;
  institutionId: string;
  didDocument?: JsonDocument;
  publicKeyMultibase?: string;
  creditUnit: string | null;
  /** Read by the handler from the access registry: is `institutionId` a registered institution? */
  institutionRegistered: boolean;
  registeredOn: string;
}

export interface RetireTrustedIssuer {
  kind: 'RetireTrustedIssuer';
  trustedIssuerId: string;
  actor: TrustedIssuerActor;
  reason: string;
  retiredOn: string;
}

export type TrustedIssuerCommand = RegisterTrustedIssuer | RetireTrustedIssuer;

/** Admins manage every institution's trusted issuers; a registrar those of its own institution. */
function assertManages(actor: TrustedIssuerActor, institutionId: string, path?: string): void {
  if (actor.role === 'admin') return;
  if (actor.role !== 'registrar') throw refuse.forbidden('not-trusted-issuer-manager', 'only a platform admin or a registrar manages trusted issuers');
  if (actor.institutionId !== institutionId) {
    const message = `a registrar of ${actor.institutionId} manages the trusted issuers of ${actor.institutionId} only, not of ${institutionId}`;
    throw new DomainError('forbidden', 'trusted-issuer-of-another-institution', message, path ? { path } : undefined);
  }
}

/** The DID document to register: exactly one of didDocument (not for did:key) or publicKeyMultibase. */
function documentOf(command: RegisterTrustedIssuer): JsonDocument {
  const { did, didDocument, publicKeyMultibase } = command;
  if (didDocument !== undefined && publicKeyMultibase !== undefined) {
    throw refuse.invalid('did-document-and-key', 'give either didDocument or publicKeyMultibase, not both', '/publicKeyMultibase');
  }
  if (publicKeyMultibase !== undefined) return didDocumentFromMultikey(did, publicKeyMultibase);
  if (didDocument === undefined) throw refuse.invalid('no-did-document-or-key', 'give the issuer\'s didDocument or its publicKeyMultibase', '/didDocument');
  if (didMethodOf(did) === 'key') {
    throw refuse.invalid('did-key-document', 'a did:key issuer is registered by its publicKeyMultibase: its document follows from the key', '/didDocument');
  }
  return checkedDidDocument(did, didDocument);
}

function register(command: RegisterTrustedIssuer, state: TrustedIssuerRegistryState): TrustedIssuerEvent[] {
  assertManages(command.actor, command.institutionId, '/institutionId');
  if (!command.institutionRegistered) {
    throw refuse.invalid('institution-not-found', `institution ${command.institutionId} is not registered`, '/institutionId');
  }
  if (!isDid(command.did)) throw refuse.invalid('did-invalid', `did must be a DID (did:<method>:<id>), got ${JSON.stringify(command.did)}`, '/did');
  const didDocument = documentOf(command);
  const active = activeEntryOf(state, command.did);
  if (active) {
    throw refuse.conflict('trusted-issuer-exists', `${command.did} is already a trusted issuer (${active.trustedIssuerId}); retire that entry before registering it again`);
  }
  if (entryOf(state, command.trustedIssuerId)) throw refuse.conflict('trusted-issuer-id-exists', `trusted issuer ${command.trustedIssuerId} already exists`);
  const data: TrustedIssuerRegistered['data'] = {
    trustedIssuerId: command.trustedIssuerId,
    did: command.did,
    name: command.name,
    institutionId: command.institutionId,
    didDocument,
    creditUnit: command.creditUnit,
    registeredBy: command.actor.institutionId,
    registeredOn: command.registeredOn,
  };
  return [{ type: 'TrustedIssuerRegistered', data }];
}

function retire(command: RetireTrustedIssuer, state: TrustedIssuerRegistryState): TrustedIssuerEvent[] {
  const entry = entryOf(state, command.trustedIssuerId);
  if (!entry) throw refuse.notFound('trusted-issuer-not-found', `trusted issuer ${command.trustedIssuerId} is not registered`);
  assertManages(command.actor, entry.institutionId);
  if (entry.retired) throw refuse.conflict('trusted-issuer-retired', `trusted issuer ${command.trustedIssuerId} was already retired on ${entry.retired.retiredOn}`);
  return [{ type: 'TrustedIssuerRetired', data: { trustedIssuerId: entry.trustedIssuerId, did: entry.did, reason: command.reason, retiredOn: command.retiredOn } }];
}

function evolve(state: TrustedIssuerRegistryState, event: TrustedIssuerEvent): TrustedIssuerRegistryState {
  switch (event.type) {
    case 'TrustedIssuerRegistered': {
      const entry: TrustedIssuerEntry = { ...event.data, retired: null };
      return { entries: { ...state.entries, [entry.trustedIssuerId]: entry }, activeByDid: { ...state.activeByDid, [entry.did]: entry.trustedIssuerId } };
    }
    case 'TrustedIssuerRetired': {
      const entry = entryOf(state, event.data.trustedIssuerId);
      if (!entry) return state;
      const { [entry.did]: _retired, ...activeByDid } = state.activeByDid;
      const retired = { reason: event.data.reason, retiredOn: event.data.retiredOn };
      return { entries: { ...state.entries, [entry.trustedIssuerId]: { ...entry, retired } }, activeByDid: own(state.activeByDid, entry.did) === entry.trustedIssuerId ? activeByDid : state.activeByDid };
    }
  }
}

/**
 * The trusted-issuer registry (stream `trusted-issuers`): issuers whose credentials verify as
 * trusted, with their DID documents. One active entry per DID (409 for a second); an admin
 * registers and retires for any institution, a registrar for its own (403 otherwise).
 * A retired entry stays, for the audit trail: the DID is no longer trusted, and may be registered anew.
 */
export const trustedIssuerDecider: Decider<TrustedIssuerCommand, TrustedIssuerRegistryState, TrustedIssuerEvent> = {
  initialState: { entries: {}, activeByDid: {} },
  decide: (command, state) => (command.kind === 'RegisterTrustedIssuer' ? register(command, state) : retire(command, state)),
  evolve,
};
