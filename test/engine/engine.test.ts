import { describe, expect, test } from 'vitest';
import { Engine } from '../../sim/engine/engine.js';
import { exponentialUs, StreamFactory } from '../../sim/engine/rng.js';

describe('Engine', () => {
  test('runs events in (time, scheduling order) and advances the clock', () => {
    const engine = new Engine<string>();
    const log: string[] = [];
    engine.schedule(20, 'b');
    engine.schedule(10, 'a');
    engine.schedule(20, 'c');
    engine.run((e) => {
      log.push(`${engine.nowUs}:${e}`);
      if (e === 'a') engine.schedule(10, 'd'); // same instant as b and c, scheduled later
    }, { untilUs: 1000, eventBudget: 100 });
    expect(log).toEqual(['10:a', '20:b', '20:c', '20:d']);
  });

  test('stops at the time limit without processing later events', () => {
    const engine = new Engine<number>();
    engine.schedule(5, 1);
    engine.schedule(50, 2);
    const seen: number[] = [];
    const outcome = engine.run((e) => seen.push(e), { untilUs: 50, eventBudget: 100 });
    expect(seen).toEqual([1]);
    expect(outcome).toEqual({ kind: 'time-limit', atUs: 50 });
  });

  test('a zero-delay loop ends with "event budget exhausted", not a hang', () => {
    const engine = new Engine<string>();
    engine.schedule(0, 'loop');
    const outcome = engine.run(() => engine.schedule(0, 'loop'), { untilUs: 1_000_000, eventBudget: 10_000 });
    expect(outcome).toEqual({ kind: 'event-budget-exhausted', atUs: 0, events: 10_000 });
  });

  test('an idle run still spans its time limit', () => {
    const engine = new Engine<string>();
    engine.schedule(3, 'only');
    expect(engine.run(() => {}, { untilUs: 100, eventBudget: 10 })).toEqual({ kind: 'idle', atUs: 100 });
  });

  test('rejects negative and fractional delays', () => {
    const engine = new Engine<string>();
    expect(() => engine.schedule(-1, 'x')).toThrow(/non-negative integer/);
    expect(() => engine.schedule(0.5, 'x')).toThrow(/non-negative integer/);
  });
});

describe('StreamFactory', () => {
  test('a stream depends only on (seed, name): creating other streams first changes nothing', () => {
    const a = new StreamFactory(7);
    const first = [a.stream('fault:crash:x')(), a.stream('fault:crash:x')()];
    const b = new StreamFactory(7);
    b.stream('policy:y')();
    b.stream('requests:z')();
    const second = [b.stream('fault:crash:x')(), b.stream('fault:crash:x')()];
    expect(second).toEqual(first);
  });

  test('different seeds give different draws', () => {
    expect(new StreamFactory(1).stream('s')()).not.toBe(new StreamFactory(2).stream('s')());
  });

  test('exponential waits are positive integers with about the right mean', () => {
    const stream = new StreamFactory(3).stream('x');
    const draws = Array.from({ length: 20_000 }, () => exponentialUs(stream, 1000));
    expect(draws.every((d) => Number.isInteger(d) && d >= 1)).toBe(true);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(950);
    expect(mean).toBeLessThan(1050);
  });
});
