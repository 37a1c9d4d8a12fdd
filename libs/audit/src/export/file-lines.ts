import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { LineSource } from './import-events';

/** The lines of a file, streamed (one line in memory at a time), opened afresh on each call. */
export function fileLines(path: string): LineSource {
  return () => createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
}
