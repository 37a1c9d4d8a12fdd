import { Decider, refuse } from '@app/kernel';
import { StatusListEvent, StatusListRegistered } from './status-list.events';

export type RegisterStatusList = { kind: 'RegisterStatusList' } & StatusListRegistered['data'];
export type StatusListCommand = RegisterStatusList;

export type StatusListState = { latest: StatusListRegistered['data'] | null };

/**
 * A registered status list (verified by the application layer before this is asked). Registering
 * the same content again is a conflict; a list with other bits (another digest) replaces it.
 */
export const statusListDecider: Decider<StatusListCommand, StatusListState, StatusListEvent> = {
  initialState: { latest: null },
  decide(command, state) {
    if (state.latest?.digest === command.digest) throw refuse.conflict('status-list-already-registered', `status list ${command.listId} is already registered with this content (sha-256 ${command.digest})`);
    const { kind: _kind, ...data } = command;
    const urls = [...new Set([...(state.latest?.urls ?? []), ...data.urls])];
    return [{ type: 'StatusListRegistered', data: { ...data, urls } }];
  },
  evolve(_state, event) {
    return { latest: event.data };
  },
};
