import { CommandContext } from '@app/event-store';

/** The calendar date (UTC, YYYY-MM-DD) a command happens on: its source time, or now. */
export function todayOf(context: Pick<CommandContext, 'occurredAt'>): string {
  return (context.occurredAt ?? new Date().toISOString()).slice(0, 10);
}

export const actorOf = (context: CommandContext) => ({ institutionId: context.actor.institutionId, role: context.actor.role });
