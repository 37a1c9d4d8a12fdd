/** Small helpers shared by the benchmarks: timing, percentiles, and a plain-text table. */

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function timed(work: () => Promise<void> | void): Promise<number> {
  const start = nowMs();
  await work();
  return nowMs() - start;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)];
}

export interface Row {
  [column: string]: string | number;
}

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const cell = (value: string | number): string => (typeof value === 'number' ? formatNumber(value) : value);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c] ?? '').length)));
  const line = (values: string[]): string => values.map((v, i) => v.padEnd(widths[i])).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((r) => console.log(line(columns.map((c) => cell(r[c] ?? '')))));
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

/** events per second */
export function rate(count: number, ms: number): number {
  return (count * 1000) / ms;
}
