import { SingleBar } from 'cli-progress';
import { Writable } from 'node:stream';
import { Progress } from './audit-command';

/** A cli-progress bar on `stream` (stderr), so stdout keeps only results (and export data). */
/** `notTerminal`: draw anyway when `stream` is not a terminal (one line per redraw, every 2 s). */
export function progressBar(stream: Writable, label: string, notTerminal = false): Progress {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate} ev/s | eta {eta_formatted}`,
    stream: stream as NodeJS.WriteStream,
    hideCursor: true,
    noTTYOutput: notTerminal,
    notTTYSchedule: 2000,
    etaBuffer: 50,
  });
  let started = 0;
  return {
    start: (total) => {
      started = Date.now();
      bar.start(Math.max(total, 1), 0, { rate: 0 });
    },
    update: (value, detail = {}) => bar.update(value, { rate: Math.round(value / Math.max((Date.now() - started) / 1000, 0.001)), ...detail }),
    stop: () => bar.stop(),
  };
}
