/**
 * seedrandom's generator, the same numbers drawn faster. seedrandom (v3,
 * `seedrandom.js`) keys an ARC4 (RC4-drop[256]) with the seed and turns its
 * bytes into doubles in [0, 1) with 52 bits of randomness: `prng()` takes
 * six bytes (`arc4.g(chunks)`), then a byte more while the numerator is
 * below 2^52 (`significance`), then halves it while it is 2^53 or more
 * (`overflow`). Every trace recsim writes follows from those numbers, so
 * they must not change; this draws them from a byte array with the state in
 * locals instead of seedrandom's array of numbers behind `me.S`, which per
 * request arrival was a tenth of what a run cost. seedrandom still keys the
 * generator (`seedrandom(seed, { state: true }).state()`), and the state
 * this gives back has seedrandom's shape (`{ i, j, S }`), so a fork or a
 * snapshot reads as before. test/engine/arc4.test.ts draws both side by side.
 */

/** ARC4's state as seedrandom's `state()` gives it. */
export interface Arc4State {
  i: number;
  j: number;
  S: number[];
}

/** A stream of uniforms in [0, 1) and a way to read where it stands. */
export interface Arc4Stream {
  draw: () => number;
  state: () => Arc4State;
}

const STARTDENOM = 2 ** 48;
const SIGNIFICANCE = 2 ** 52;
const OVERFLOW = 2 ** 53;

export function arc4Stream(from: Arc4State): Arc4Stream {
  const s = Uint8Array.from(from.S);
  let i = from.i;
  let j = from.j;
  const draw = (): number => {
    // The byte loop works on locals and writes i and j back once (seedrandom's `g` does the same, on `me`).
    let a = i;
    let b = j;
    let n = 0;
    for (let k = 0; k < 6; k++) {
      a = (a + 1) & 255;
      const t = s[a]!;
      b = (b + t) & 255;
      const u = s[b]!;
      s[a] = u;
      s[b] = t;
      n = n * 256 + s[(u + t) & 255]!;
    }
    let d = STARTDENOM;
    let x = 0;
    while (n < SIGNIFICANCE) {
      n = (n + x) * 256;
      d *= 256;
      a = (a + 1) & 255;
      const t = s[a]!;
      b = (b + t) & 255;
      const u = s[b]!;
      s[a] = u;
      s[b] = t;
      x = s[(u + t) & 255]!;
    }
    i = a;
    j = b;
    while (n >= OVERFLOW) {
      n /= 2;
      d /= 2;
      x >>>= 1;
    }
    return (n + x) / d;
  };
  return { draw, state: () => ({ i, j, S: Array.from(s) }) };
}
