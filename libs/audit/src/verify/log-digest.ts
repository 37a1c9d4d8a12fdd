import { createHash, Hash } from 'node:crypto';

/**
 * A running digest of the global log: sha256 over "position:hash\n" for every event in
 * position order. Each event's hash already covers its stream, revision and content, so the
 * digest at position P pins the whole log up to P: which events exist and where.
 *
 * Why: a per-stream hash chain cannot see a stream whose tail was cut off or that was deleted
 * whole (what remains still links). An auditor who records "digest D at position P" from one
 * run detects it in a later run, which recomputes the digest at P and compares. The limit, said
 * plainly: the digest proves nothing by itself; it only proves the log up to P is unchanged
 * since someone recorded D somewhere the operators cannot rewrite.
 */
export class LogDigest {
  private readonly hash: Hash = createHash('sha256');
  private lastPosition = -1;
  /** Lines not yet fed to the hash: one update per ~64 KB instead of one per event. */
  private pending = '';

  add(position: number, eventHash: string): void {
    this.pending += `${position}:${eventHash}\n`;
    this.lastPosition = position;
    if (this.pending.length >= 65536) this.flush();
  }

  /** The digest of everything added so far (the running hash continues). */
  current(): DigestAt {
    this.flush();
    return { digest: this.hash.copy().digest('hex'), position: this.lastPosition };
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.hash.update(this.pending);
    this.pending = '';
  }
}

/** "The log up to and including `position` digests to `digest`"; position -1 is the empty log. */
export interface DigestAt {
  digest: string;
  position: number;
}

/** Renders a digest as the CLI prints it and `--expect-digest` takes it: `<hex>@<position>`. */
export function formatDigest(at: DigestAt): string {
  return `${at.digest}@${at.position}`;
}

/** Parses `<hex>@<position>` (or a bare `<hex>`, meaning: at the head); null when malformed. */
export function parseDigest(text: string): { digest: string; position: number | null } | null {
  const m = /^([0-9a-f]{64})(?:@(-1|\d{1,16}))?$/.exec(text.trim());
  if (!m) return null;
  return { digest: m[1], position: m[2] === undefined ? null : Number(m[2]) };
}
