import { describe, expect, test } from 'vitest';
import { appended, EMPTY_LIST } from '../../sim/model/shared-empty.js';
import { initialState } from '../../sim/model/state.js';

describe('lists shared while empty', () => {
  test('the shared empty list cannot be pushed onto', () => {
    expect(() => (EMPTY_LIST as unknown as number[]).push(1)).toThrow();
  });

  test('appending to an empty list makes a new list; to a list of its own, pushes onto it', () => {
    const first = appended<number>(EMPTY_LIST as never[], 7);
    expect(first).toEqual([7]);
    expect(EMPTY_LIST).toEqual([]);
    expect(appended(first, 8)).toBe(first);
    expect(first).toEqual([7, 8]);
  });

  test('fresh components share their empty lists, and a copy of the state (a fork) shares one unfrozen copy of them: adding to one component leaves the others empty', () => {
    const state = initialState(3, []);
    expect(state.components[0]!.waiters).toBe(state.components[2]!.waiters);
    const copy = structuredClone(state);
    const [a, b, c] = copy.components;
    // What makes the rule necessary: the copy's empty lists are one list, and no longer frozen.
    expect(a!.waiters).toBe(b!.waiters);
    expect(Object.isFrozen(a!.waiters)).toBe(false);
    a!.waiters = appended(a!.waiters, 2);
    a!.armed = appended(a!.armed, { kind: 'ignore-stop' } as never);
    a!.pendingEvents = appended(a!.pendingEvents, { event: 'started', component: 'x', ok: true, status: 'ok', cause: 0 });
    expect([a!.waiters, a!.armed.length, a!.pendingEvents.length]).toEqual([[2], 1, 1]);
    for (const other of [b!, c!]) expect([other.waiters, other.armed, other.pendingEvents]).toEqual([[], [], []]);
    expect(state.components.map((s) => s.waiters)).toEqual([[], [], []]);
  });
});
