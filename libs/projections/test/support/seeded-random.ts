import { v7 as uuidv7 } from 'uuid';

/**
 * A small seeded PRNG (mulberry32): the synthetic log draws every choice and every id from it,
 * so one seed gives one history. Never Math.random.
 */
export class SeededRandom {
  private state: number;
  private idClock = Date.UTC(2026, 0, 1);

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A time-ordered UUIDv7 (as the app generates them) whose time and random bits come from the seed. */
  uuid(): string {
    this.idClock += 1;
    const random = new Uint8Array(16);
    for (let i = 0; i < 16; i += 1) random[i] = Math.floor(this.next() * 256);
    return uuidv7({ msecs: this.idClock, random });
  }
}
