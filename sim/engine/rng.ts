import seedrandom from 'seedrandom';
import { arc4Stream, type Arc4State, type Arc4Stream } from './arc4.js';

/** A deterministic stream of uniform numbers in [0, 1). */
export type Stream = () => number;

/**
 * Derives independent random streams from one run seed and a stream name
 * (per component and purpose, e.g. "fault:2:/core/netstack"). Because a
 * stream depends only on (seed, name), changing one component's policy never
 * shifts the draws of another: this is what makes policy comparison fair
 * (common random numbers).
 */
export class StreamFactory {
  private readonly streams = new Map<string, Arc4Stream>();

  constructor(readonly seed: number) {}

  stream(name: string): Stream {
    let stream = this.streams.get(name);
    if (!stream) {
      // seedrandom keys the generator; its numbers are drawn by arc4.ts (the same ones, faster).
      stream = arc4Stream((seedrandom(`recsim:${this.seed}:${name}`, { state: true }) as seedrandom.StatefulPRNG<seedrandom.State.Arc4>).state());
      this.streams.set(name, stream);
    }
    return stream.draw;
  }

  /**
   * A 32-bit key for `name`, from the seed alone: the same in every fork and
   * never a draw from a stream (counter-based randomness keyed by it, such as
   * request arrivals, stays the same whoever asks and when).
   */
  key(name: string): number {
    return (seedrandom(`recsim:${this.seed}:key:${name}`) as seedrandom.PRNG).int32() >>> 0;
  }

  /** The state of every stream drawn so far, by name in sorted order: what the draws to come depend on (exhaustive explore hashes it). */
  snapshot(): { name: string; state: Arc4State }[] {
    return [...this.streams.keys()].sort().map((name) => ({ name, state: this.streams.get(name)!.state() }));
  }

  /** Independent copies of every stream drawn so far, each continuing where its original is now. */
  fork(): StreamFactory {
    const copy = new StreamFactory(this.seed);
    for (const [name, stream] of this.streams) copy.streams.set(name, arc4Stream(stream.state()));
    return copy;
  }
}

/** Exponentially distributed waiting time with the given mean, as whole microseconds (at least 1). */
export function exponentialUs(stream: Stream, meanUs: number): number {
  const u = stream();
  return Math.max(1, Math.round(-Math.log(1 - u) * meanUs));
}

/** Uniform integer in [low, high]. */
export function uniformInt(stream: Stream, low: number, high: number): number {
  return low + Math.floor(stream() * (high - low + 1));
}
