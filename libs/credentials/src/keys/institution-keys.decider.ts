import { Decider, refuse } from '@app/kernel';
import { InstitutionKeyData, InstitutionKeyEvent } from './institution-keys.events';

/** A key as the fold keeps it: in force from `since` until the next rotation (`retiredOn`). */
export type InstitutionKey = InstitutionKeyData & { since: string; retiredOn: string | null };

export interface InstitutionKeysState {
  /** Oldest first; the last one is in force. */
  keys: InstitutionKey[];
}

/** Key material made outside the decider (generation is random): the handler generates and encrypts it. */
export type NewKey = Omit<InstitutionKeyData, 'institutionId' | 'sequence'>;

export type InstitutionKeyCommand =
  /** The key in force, generated if there is none: appends nothing when one exists. */
  | { kind: 'EnsureKey'; institutionId: string; key: NewKey; on: string }
  | { kind: 'RotateKey'; institutionId: string; key: NewKey; reason: string | null; on: string };

export const currentKey = (state: InstitutionKeysState): InstitutionKey | null => state.keys.at(-1) ?? null;

export const institutionKeysDecider: Decider<InstitutionKeyCommand, InstitutionKeysState, InstitutionKeyEvent> = {
  initialState: { keys: [] },
  decide(command, state) {
    const current = currentKey(state);
    if (state.keys.some((k) => k.keyId === command.key.keyId)) throw refuse.conflict('key-exists', `key ${command.key.keyId} is already one of institution ${command.institutionId}'s keys`);
    const sequence = (current?.sequence ?? 0) + 1;
    const data = { institutionId: command.institutionId, sequence, ...command.key };
    if (command.kind === 'EnsureKey') return current ? [] : [{ type: 'InstitutionKeyGenerated', data: { ...data, generatedOn: command.on } }];
    if (!current) return [{ type: 'InstitutionKeyGenerated', data: { ...data, generatedOn: command.on } }];
    return [{ type: 'InstitutionKeyRotated', data: { ...data, previousKeyId: current.keyId, reason: command.reason, rotatedOn: command.on } }];
  },
  evolve(state, event) {
    if (event.type === 'InstitutionKeyGenerated') {
      const { institutionId, sequence, did, keyId, publicKeyMultibase, secretKey } = event.data;
      return { keys: [...state.keys, { institutionId, sequence, did, keyId, publicKeyMultibase, secretKey, since: event.data.generatedOn, retiredOn: null }] };
    }
    const { institutionId, sequence, did, keyId, publicKeyMultibase, secretKey, rotatedOn } = event.data;
    const keys = state.keys.map((k) => (k.retiredOn === null ? { ...k, retiredOn: rotatedOn } : k));
    return { keys: [...keys, { institutionId, sequence, did, keyId, publicKeyMultibase, secretKey, since: rotatedOn, retiredOn: null }] };
  },
};
