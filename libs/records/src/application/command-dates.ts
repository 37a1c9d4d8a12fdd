import { CommandContext } from '@app/event-store';

export const actorOf = (context: CommandContext) => ({ institutionId: context.actor.institutionId, role: context.actor.role });
