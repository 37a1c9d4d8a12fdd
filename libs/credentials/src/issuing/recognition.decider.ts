import { Decider, refuse } from '@app/kernel';
import { RecognitionCredentialIssued, RecognitionCredentialRevoked, RecognitionEvent, SignedCredential, STATUS_LIST_LENGTH } from './recognition.events';

export type IssuedCredential = Omit<RecognitionCredentialIssued['data'], 'institutionId'> & { revoked: { on: string; reason: string; causeEventId: string; supersededBy: string | null } | null };

export type StatusListState = { next: number; revoked: number[]; lastRevokedOn: string | null };

export interface RecognitionState {
  credentials: Record<string, IssuedCredential>;
  /** Per request, its credentials oldest first. */
  byRequest: Record<string, string[]>;
  /** Per status list: the next free index, the indexes set, and when the last one was set (null: none yet). */
  lists: Record<string, StatusListState>;
}

export type RecognitionCommand =
  | {
      kind: 'Issue';
      institutionId: string;
      requestId: string;
      credentialId: string;
      decision: RecognitionCredentialIssued['data']['decision'];
      keyId: string;
      statusListId: string;
      statusListIndex: number;
      credential: SignedCredential;
      on: string;
    }
  | { kind: 'Revoke'; institutionId: string; requestId: string; reason: 'request-withdrawn'; causeEventId: string; on: string };

/** The request's latest credential, revoked or not. */
export function latestOf(state: RecognitionState, requestId: string): IssuedCredential | null {
  const id = state.byRequest[requestId]?.at(-1);
  return id ? state.credentials[id] : null;
}

/** The index an issuance on `listId` takes now. */
export const nextIndexOf = (state: RecognitionState, listId: string): number => state.lists[listId]?.next ?? 0;

/** Raised when another issuance took the index first: the caller signs again with the next one. */
export const STATUS_INDEX_TAKEN = 'status-index-taken';

/**
 * The recognition credentials of one institution. Issue states one decision: a second issuance for
 * the decision already stated appends nothing (the reactor and a read may both ask); a new
 * decision revokes the request's credential in force and issues the new one, in one append.
 */
export const recognitionDecider: Decider<RecognitionCommand, RecognitionState, RecognitionEvent> = {
  initialState: { credentials: {}, byRequest: {}, lists: {} },
  decide(command, state) {
    const latest = latestOf(state, command.requestId);
    if (command.kind === 'Revoke') {
      if (!latest || latest.revoked) return [];
      return [{ type: 'RecognitionCredentialRevoked', data: revocation(command.institutionId, latest, 'request-withdrawn', command.causeEventId, null, command.on) }];
    }
    if (latest?.decision.eventId === command.decision.eventId) return [];
    if (state.credentials[command.credentialId]) throw refuse.conflict('credential-exists', `credential ${command.credentialId} was already issued`);
    if (command.statusListIndex !== nextIndexOf(state, command.statusListId)) {
      throw refuse.conflict(STATUS_INDEX_TAKEN, `status list ${command.statusListId} index ${command.statusListIndex} is not the next free one`);
    }
    if (command.statusListIndex >= STATUS_LIST_LENGTH) throw refuse.conflict('status-list-full', `status list ${command.statusListId} is full: rotate the institution's key to start a new one`);
    const { kind: _kind, on, ...issued } = command;
    const revoked = latest && !latest.revoked ? [{ type: 'RecognitionCredentialRevoked' as const, data: revocation(command.institutionId, latest, 'decision-replaced', command.decision.eventId, command.credentialId, on) }] : [];
    return [...revoked, { type: 'RecognitionCredentialIssued', data: { ...issued, issuedOn: on } }];
  },
  evolve(state, event) {
    if (event.type === 'RecognitionCredentialIssued') {
      const { institutionId: _i, ...data } = event.data;
      const list = state.lists[data.statusListId] ?? { next: 0, revoked: [], lastRevokedOn: null };
      return {
        credentials: { ...state.credentials, [data.credentialId]: { ...data, revoked: null } },
        byRequest: { ...state.byRequest, [data.requestId]: [...(state.byRequest[data.requestId] ?? []), data.credentialId] },
        lists: { ...state.lists, [data.statusListId]: { ...list, next: Math.max(list.next, data.statusListIndex + 1) } },
      };
    }
    const { credentialId, statusListId, statusListIndex, revokedOn, reason, causeEventId, supersededBy } = event.data;
    const credential = state.credentials[credentialId];
    const list = state.lists[statusListId] ?? { next: statusListIndex + 1, revoked: [], lastRevokedOn: null };
    return {
      ...state,
      credentials: credential ? { ...state.credentials, [credentialId]: { ...credential, revoked: { on: revokedOn, reason, causeEventId, supersededBy } } } : state.credentials,
      lists: { ...state.lists, [statusListId]: { ...list, revoked: [...list.revoked, statusListIndex], lastRevokedOn: revokedOn } },
    };
  },
};

function revocation(institutionId: string, credential: IssuedCredential, reason: 'decision-replaced' | 'request-withdrawn', causeEventId: string, supersededBy: string | null, on: string): RecognitionCredentialRevoked['data'] {
  return { requestId: credential.requestId, institutionId, credentialId: credential.credentialId, statusListId: credential.statusListId, statusListIndex: credential.statusListIndex, reason, causeEventId, supersededBy, revokedOn: on };
}
