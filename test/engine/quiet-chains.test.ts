import { describe, expect, test } from 'vitest';
import { Engine } from '../../sim/engine/engine.js';

/**
 * Quiet chains against the chain of no-op events they stand for. A small
 * world of periodic timers ("chains") and other events, scheduled on coarse
 * instants so that ties are frequent, is run twice: on an engine that queues
 * every occurrence (the handler takes the quiet ones as no-ops and schedules
 * the next one) and on one with quiet chains. Every decision is a pure
 * function of the seed and what is handled, never of how many events were
 * handled, so the two must hand over the same events in the same order.
 */
type Ev = { k: 'tick'; id: number } | { k: 'other'; n: number };

function hash(...xs: number[]): number {
  let h = 0x811c9dc5;
  for (const x of xs) {
    h ^= x & 0xffffffff;
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= Math.floor(x / 0x100000000);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

interface World {
  log: string[];
  events: number;
}

function runWorld(seed: number, quietChains: boolean, untilUs = 4000): World {
  const engine = new Engine<Ev>({ quietChains });
  const chains = 1 + (hash(seed, 1) % 4);
  const periods = Array.from({ length: chains }, (_, id) => [10, 20, 30, 40][hash(seed, 2, id) % 4]!);
  // Reference side: occurrences before quietUntil are no-ops (quiet chains never hand them over).
  const quietUntil = Array.from({ length: chains }, () => 0);
  const world: World = { log: [], events: 0 };
  let others = 0;
  // Dense others for some seeds, long quiet stretches (many occurrences crossed at once) for others.
  const spread = [12, 40, 150][hash(seed, 9) % 3]!;
  const scheduleOther = (delayUs: number): void => engine.schedule(delayUs, { k: 'other', n: others++ });
  const goOn = (id: number): void => {
    const p = periods[id]!;
    const r = hash(seed, 3, id, engine.nowUs);
    // Next: one real occurrence, or quiet until a wake occurrence some periods on, or until woken.
    const wakeAtUs = r % 3 === 0 ? engine.nowUs + p : r % 3 === 1 ? engine.nowUs + p * (2 + (r % 7)) - (r % 2) * 3 : Infinity;
    quietUntil[id] = wakeAtUs;
    engine.scheduleQuiet(p, p, wakeAtUs, { k: 'tick', id }, id);
  };
  const wake = (id: number): void => {
    quietUntil[id] = 0;
    const chain = engine.quietChains().find((c) => c.note === id);
    if (chain) engine.wake(chain);
  };
  for (let id = 0; id < chains; id++) engine.schedule(10 * (hash(seed, 4, id) % 3), { k: 'tick', id });
  for (let i = 0; i < 6; i++) scheduleOther(10 * (hash(seed, 5, i) % 30));
  engine.run((e) => {
    if (e.k === 'tick') {
      if (engine.nowUs < quietUntil[e.id]!) {
        if (quietChains) throw new Error(`seed ${seed}: a quiet occurrence of chain ${e.id} at ${engine.nowUs} was handed over`);
        engine.schedule(periods[e.id]!, e);
        return;
      }
      world.log.push(`${engine.nowUs} tick ${e.id}`);
      if (hash(seed, 6, e.id, engine.nowUs) % 4 === 0) scheduleOther(10 * (hash(seed, 7, engine.nowUs) % 5));
      goOn(e.id);
      return;
    }
    world.log.push(`${engine.nowUs} other ${e.n}`);
    const r = hash(seed, 8, e.n);
    // Others land on the chains' instants (multiples of 10), some at delay 0, some exactly a period on.
    if (e.n < 400) scheduleOther(r % 5 === 0 ? 0 : r % 5 === 1 ? periods[r % chains]! : 10 * (1 + (r % spread)));
    if (r % 3 === 0) wake((r >>> 4) % chains);
  }, { untilUs, eventBudget: 1_000_000 });
  world.events = engine.eventsProcessed;
  return world;
}

describe('quiet chains', () => {
  test('hand over the same events in the same order as the chain of no-op events, ties included (400 seeds)', () => {
    const events = { reference: 0, quiet: 0 };
    for (let seed = 1; seed <= 400; seed++) {
      const reference = runWorld(seed, false);
      const quiet = runWorld(seed, true);
      expect(quiet.log, `seed ${seed}`).toEqual(reference.log);
      events.reference += reference.events;
      events.quiet += quiet.events;
    }
    expect(events.quiet).toBeLessThan(events.reference * 0.8);
  });

  test('a chain that is never woken costs nothing per period, and the run still lasts to its time limit', () => {
    const engine = new Engine<string>({ quietChains: true });
    const seen: string[] = [];
    engine.schedule(0, 'start');
    const outcome = engine.run((e) => {
      seen.push(`${engine.nowUs}:${e}`);
      if (e === 'start') engine.scheduleQuiet(10, 10, Infinity, 'tick', undefined);
    }, { untilUs: 365 * 24 * 3600 * 1_000_000, eventBudget: 10 });
    expect(seen).toEqual(['0:start']);
    expect(outcome).toEqual({ kind: 'time-limit', atUs: 365 * 24 * 3600 * 1_000_000 });
    expect(engine.eventsProcessed).toBe(1);
  });

  test('the wake occurrence is the first on the grid at or after wakeAtUs, in the place its chain holds', () => {
    const engine = new Engine<string>({ quietChains: true });
    const seen: string[] = [];
    engine.schedule(0, 'start');
    engine.schedule(35, 'before'); // scheduled before the chain's occurrence at 35 was: handled first
    const outcome = engine.run((e) => {
      seen.push(`${engine.nowUs}:${e}`);
      if (e === 'start') engine.scheduleQuiet(5, 10, 31, 'tick', undefined);
      if (e === 'before') engine.schedule(0, 'after');
    }, { untilUs: 100, eventBudget: 10 });
    expect(seen).toEqual(['0:start', '35:before', '35:tick', '35:after']);
    expect(outcome.kind).toBe('idle'); // nothing is left after the real tick
  });
});
