import { CommandOutcome } from '@app/event-store';

/** A handler's answer: the id of what the command created or changed, and the store outcome. */
export interface CommandResult {
  id: string;
  outcome: CommandOutcome;
}
