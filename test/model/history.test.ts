import { describe, expect, test } from 'vitest';
import { forgetStarts, NO_HISTORY, remember, SharedHistories } from '../../sim/model/history.js';
import { initialState } from '../../sim/model/state.js';
import { HISTORY_MAX } from '../../sim/policy/types.js';

describe("a component's history, shared until written", () => {
  test('the first instant of a list gives the component a history of its own; the shared one stays empty', () => {
    const state = initialState(2, []);
    const [a, b] = state.components;
    expect(a!.history).toBe(NO_HISTORY);
    remember(a!, 'startsUs', 5);
    remember(a!, 'failuresUs', 6);
    remember(a!, 'startsUs', 9);
    expect(a!.history).toEqual({ startsUs: [5, 9], failuresUs: [6], restartsUs: [], endsUs: [] });
    expect(b!.history).toBe(NO_HISTORY);
    expect(NO_HISTORY).toEqual({ startsUs: [], failuresUs: [], restartsUs: [], endsUs: [] });
  });

  test('in a copy of the state (a fork), where fresh components share one unfrozen history, writing one leaves the others empty', () => {
    const copy = structuredClone(initialState(3, []));
    const [a, b, c] = copy.components;
    expect(a!.history).toBe(b!.history);
    remember(a!, 'endsUs', 1);
    remember(b!, 'endsUs', 2);
    expect([a!.history.endsUs, b!.history.endsUs, c!.history.endsUs]).toEqual([[1], [2], []]);
  });

  test('a list keeps the last HISTORY_MAX instants, oldest dropped first', () => {
    const [a] = initialState(1, []).components;
    for (let t = 0; t < HISTORY_MAX + 3; t++) remember(a!, 'restartsUs', t);
    expect(a!.history.restartsUs.length).toBe(HISTORY_MAX);
    expect(a!.history.restartsUs[0]).toBe(3);
  });

  test('reset-failed clears the starts of that component only', () => {
    const copy = structuredClone(initialState(2, []));
    const [a, b] = copy.components;
    remember(a!, 'startsUs', 1);
    remember(b!, 'startsUs', 2);
    const before = a!.history;
    forgetStarts(a!);
    expect(a!.history.startsUs).toEqual([]);
    expect(before.startsUs).toEqual([1]); // a history object is replaced, never changed
    expect(b!.history.startsUs).toEqual([2]);
  });

  test('components started once at the same instant share one history; a second start, or anything else, gives one its own', () => {
    const shared = new SharedHistories();
    for (const state of [initialState(3, []), structuredClone(initialState(3, []))]) {
      const [a, b, c] = state.components;
      remember(a!, 'startsUs', 10, shared);
      remember(b!, 'startsUs', 10, shared);
      remember(c!, 'startsUs', 11, shared);
      expect(a!.history).toBe(b!.history);
      expect(c!.history.startsUs).toEqual([11]);
      const copy = structuredClone(state);
      for (const s of [state, copy]) {
        const [x, y] = s.components;
        remember(x!, 'startsUs', 20, shared);
        remember(y!, 'failuresUs', 21, shared);
        expect([x!.history.startsUs, x!.history.failuresUs]).toEqual([[10, 20], []]);
        expect([y!.history.startsUs, y!.history.failuresUs]).toEqual([[10], [21]]);
      }
    }
    expect(shared.startedOnceAt(11).startsUs).toEqual([11]);
  });
});
