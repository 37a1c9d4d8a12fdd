/** Backoff before retrying after `failures` consecutive failures: 200 ms, 400 ms, ... up to 30 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000, 100 * 2 ** Math.min(failures, 9));
}
