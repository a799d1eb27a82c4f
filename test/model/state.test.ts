import { describe, expect, test } from 'vitest';
import { remember } from '../../sim/model/history.js';
import { appended } from '../../sim/model/shared-empty.js';
import { freshComponent, initialState, isFresh, type ComponentState } from '../../sim/model/state.js';

describe('a fresh component (what a boot gives every component)', () => {
  test('the initial state, a copy of it and a fresh component of any generation are fresh', () => {
    const state = initialState(2, []);
    expect(state.components.every(isFresh)).toBe(true);
    expect(structuredClone(state).components.every(isFresh)).toBe(true);
    expect(isFresh(freshComponent(7))).toBe(true);
  });

  const changes: [string, (c: ComponentState) => void][] = [
    ['waiting to start', (c) => (c.life = { state: 'stopped', pending: { cause: 1, origin: 'boot', asRestart: false, waitFor: [] } })],
    ['running', (c) => (c.life = { state: 'running', startedAtUs: 0 })],
    ['restarted', (c) => (c.restarts = 1)],
    ['started once', (c) => remember(c, 'startsUs', 0)],
    ['ended once', (c) => remember(c, 'endsUs', 0)],
    ['a fault armed', (c) => (c.armed = appended(c.armed, { kind: 'ignore-stop' } as never))],
    ['an event queued', (c) => (c.pendingEvents = appended(c.pendingEvents, { event: 'started', component: 'x', ok: true, status: 'ok', cause: 0 }))],
    ['a waiter', (c) => (c.waiters = appended(c.waiters, 1))],
    ['a restart scheduled', (c) => (c.restartScheduled = true)],
    ['an auto-restart cancelled', (c) => (c.autoRestart = 'cancelled')],
    ['its policy overridden', (c) => (c.policyOverride = {} as never)],
    ['its last end remembered', (c) => (c.lastEndSeq = 0)],
  ];
  for (const [what, change] of changes) {
    test(`${what}: not fresh`, () => {
      const component = freshComponent(0);
      change(component);
      expect(isFresh(component)).toBe(false);
    });
  }

  test('a field cleared back to undefined leaves it fresh', () => {
    const component = freshComponent(0);
    component.restartScheduled = true;
    component.restartScheduled = undefined;
    expect(isFresh(component)).toBe(true);
  });
});
