import type { Database } from 'better-sqlite3';

/** Wait between attempts to copy the pages while the destination is locked. */
const BUSY_RETRY_MS = 10;

/**
 * Copies every page of `copyDb` over the file `destination` in one step: one write transaction on
 * it. better-sqlite3 resolves a backup whose destination was locked at its first step (e.g. by a
 * projector transaction the fence has not failed yet) as done with nothing copied (totalPages 0):
 * that is retried, each attempt starting only while `now < stopBefore` (seconds since the epoch),
 * which the caller sets safely inside the switch fence's life.
 */
export async function copyPages(copyDb: Database, destination: string, stopBefore: number): Promise<void> {
  for (;;) {
    if (Date.now() / 1000 >= stopBefore) throw new Error(`${destination} stayed locked by another connection for as long as the switch could wait; no page was copied`);
    const { totalPages } = await copyDb.backup(destination, { progress: () => 0x7fffffff });
    if (totalPages > 0) return;
    await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
  }
}
