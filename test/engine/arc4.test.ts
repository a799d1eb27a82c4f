import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { arc4Stream } from '../../sim/engine/arc4.js';
import { StreamFactory } from '../../sim/engine/rng.js';

/**
 * Every trace follows from seedrandom's numbers: the byte-array generator
 * (sim/engine/arc4.ts) must draw exactly the same ones, stream for stream,
 * and report its state in seedrandom's shape, so that forks continue and
 * snapshots hash as they did.
 */
describe('arc4: seedrandom numbers from a byte array', () => {
  test('the same draws as seedrandom, and the same state after them', () => {
    for (const name of ['recsim:1:requests:drv0', 'recsim:42:fault:crash:/core/netstack:0', 'recsim:7:policy:ahcid', '']) {
      const reference = seedrandom(name, { state: true }) as seedrandom.StatefulPRNG<seedrandom.State.Arc4>;
      const ours = arc4Stream((seedrandom(name, { state: true }) as seedrandom.StatefulPRNG<seedrandom.State.Arc4>).state());
      for (let k = 0; k < 200_000; k++) {
        const want = reference();
        const got = ours.draw();
        if (got !== want) expect({ name, k, got }).toEqual({ name, k, got: want });
      }
      expect(ours.state()).toEqual(reference.state());
    }
  });

  test('a fork continues where its original stands, independently of it', () => {
    const streams = new StreamFactory(3);
    const original = streams.stream('requests:disk');
    for (let k = 0; k < 1000; k++) original();
    const copy = streams.fork().stream('requests:disk');
    const fromOriginal = Array.from({ length: 50 }, () => original());
    const fromCopy = Array.from({ length: 50 }, () => copy());
    expect(fromCopy).toEqual(fromOriginal);
    // And they are not the same generator: the copy's draws did not move the original.
    const reference = seedrandom('recsim:3:requests:disk', { state: true });
    for (let k = 0; k < 1050; k++) reference();
    expect(original()).toBe(reference());
  });

  test('a snapshot is seedrandom state, by stream name', () => {
    const streams = new StreamFactory(9);
    streams.stream('b')();
    streams.stream('a')();
    const reference = seedrandom('recsim:9:a', { state: true }) as seedrandom.StatefulPRNG<seedrandom.State.Arc4>;
    reference();
    const snapshot = streams.snapshot();
    expect(snapshot.map((s) => s.name)).toEqual(['a', 'b']);
    expect(snapshot[0]!.state).toEqual(reference.state());
  });
});
