import { describe, expect, test } from 'vitest';
import { Engine } from '../../sim/engine/engine.js';

describe('the instant budget: a run whose virtual time stands still is stopped', () => {
  test('a zero-delay loop stops once one instant holds the budget, long before the event budget', () => {
    const engine = new Engine<string>();
    engine.schedule(5, 'loop');
    const outcome = engine.run(() => engine.schedule(0, 'loop'), { untilUs: 1_000, eventBudget: 1_000_000, instantBudget: 500 });
    expect(outcome).toEqual({ kind: 'event-budget-exhausted', atUs: 5, events: 500 });
  });

  test('many events spread over time are not limited: only those of one instant count together', () => {
    const engine = new Engine<number>();
    for (let t = 0; t < 100; t++) for (let k = 0; k < 400; k++) engine.schedule(t, k);
    let handled = 0;
    const outcome = engine.run(() => handled++, { untilUs: 1_000, eventBudget: 1_000_000, instantBudget: 400 });
    expect(outcome.kind).toBe('idle');
    expect(handled).toBe(40_000);
  });

  test('an instant entered by advanceTo starts a new count, and a fork carries the count on', () => {
    const engine = new Engine<string>();
    engine.schedule(0, 'a');
    engine.schedule(0, 'b');
    engine.schedule(10, 'c');
    const limits = { untilUs: 100, eventBudget: 100, instantBudget: 2 };
    const seen: string[] = [];
    engine.step((e) => seen.push(e), limits);
    engine.step((e) => seen.push(e), limits);
    const fork = engine.fork();
    engine.advanceTo(10);
    engine.step((e) => seen.push(e), limits);
    expect(seen).toEqual(['a', 'b', 'c']);
    // The fork is still at time 0 with two events of that instant behind it: one more there is one too many.
    fork.schedule(0, 'd');
    expect(fork.step(() => {}, limits)).toEqual({ kind: 'event-budget-exhausted', atUs: 0, events: 2 });
  });
});
