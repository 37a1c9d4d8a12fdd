import type { Database } from 'better-sqlite3';

/** The message every projector write into fenced SQLite read models fails with. */
export const SWITCH_FENCE_MESSAGE = 'the read models are being switched in by a rebuild';

/** How long a projector whose batch met the fence waits before it tries again. */
export const SWITCH_FENCE_RETRY_MS = 100;

/** The tables whose writes end every projector transaction: the checkpoint (embedded) and the inbox (Kafka). */
const FENCED = [
  { table: 'projection_checkpoints', on: 'INSERT' },
  { table: 'projection_checkpoints', on: 'UPDATE' },
  { table: 'projection_inbox', on: 'INSERT' },
] as const;

const triggerName = (table: string, on: string): string => `read_models_switch_fence_${table}_${on.toLowerCase()}`;

/** Names of the fence's triggers (left out when the schemas of the live file and the copy are compared). */
export const SWITCH_FENCE_TRIGGERS: readonly string[] = FENCED.map(({ table, on }) => triggerName(table, on));

/**
 * Stops every projector from committing into the live SQLite read models until `deadline` (unix
 * seconds), in the caller's transaction: triggers on the tables every projector transaction
 * writes last raise SWITCH_FENCE_MESSAGE, so a projector's batch rolls back and is retried. The
 * page switch replaces the whole file, triggers included, so the fence ends with the switch; if
 * the switch never comes (the rebuild was killed), the fence lapses at its deadline by itself, and
 * the next rebuild removes it at its start.
 */
export function raiseSwitchFence(live: Database, deadline: number): void {
  dropSwitchFence(live); // a stale fence (with its older deadline) is replaced, not kept
  for (const { table, on } of FENCED) {
    live.exec(
      `CREATE TRIGGER "${triggerName(table, on)}" BEFORE ${on} ON "${table}" ` +
        `WHEN CAST(strftime('%s','now') AS INTEGER) < ${Math.floor(deadline)} ` +
        `BEGIN SELECT RAISE(ABORT, '${SWITCH_FENCE_MESSAGE}'); END`,
    );
  }
}

/** Removes the fence (a switch that failed, or a rebuild killed before its switch). */
export function dropSwitchFence(live: Database): void {
  for (const name of SWITCH_FENCE_TRIGGERS) live.exec(`DROP TRIGGER IF EXISTS "${name}"`);
}

/** Whether a projector's batch failed on the fence (retry shortly: the switched-in read models follow). */
export function isSwitchFenceError(error: unknown): boolean {
  return error instanceof Error && error.message.includes(SWITCH_FENCE_MESSAGE);
}
