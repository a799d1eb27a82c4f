import { describe, expect, test } from 'vitest';
import { companions, groupRestartEffects, otpGroupRestartEffects, transitiveDependents } from '../../sim/policy/group.js';
import { systemViewOf } from '../../sim/policy/system-view.js';
import type { ComponentView, RecoveryPolicy } from '../../sim/policy/types.js';
import type { LifecycleState } from '../../sim/trace/records.js';
import { basePolicy } from './context.js';

const view = (name: string, state: LifecycleState = 'running', extra: Partial<ComponentView> = {}): ComponentView => ({
  name, state, monitor: 'sup', depends: [], policy: basePolicy, ...extra,
});

describe('OTP group strategies', () => {
  const kids = [view('a'), view('b', 'stopped'), view('c'), view('d')];
  const siblings = kids.map((k) => ({ name: k.name }));
  test('one_for_one restarts only the child', () => {
    expect(companions('one_for_one', 'b', siblings, systemViewOf(kids))).toEqual([]);
  });
  test('one_for_all: the others stop in reverse start order, then all start in start order', () => {
    const others = companions('one_for_all', 'b', siblings, systemViewOf(kids));
    expect(groupRestartEffects('b', others, systemViewOf(kids), 0)).toEqual([
      { kind: 'stop', component: 'd' },
      { kind: 'stop', component: 'c' },
      { kind: 'stop', component: 'a' },
      { kind: 'restart', component: 'b', delayUs: 0 },
      { kind: 'restart', component: 'a', delayUs: 0 },
      { kind: 'restart', component: 'c', delayUs: 0 },
      { kind: 'restart', component: 'd', delayUs: 0 },
    ]);
  });
  test('rest_for_one: only the children started after it', () => {
    const others = companions('rest_for_one', 'b', siblings, systemViewOf(kids));
    expect(others).toEqual(['c', 'd']);
    expect(groupRestartEffects('b', others, systemViewOf(kids), 0).map((e) => `${e.kind} ${'component' in e ? e.component : ''}`)).toEqual([
      'stop d', 'stop c', 'restart b', 'restart c', 'restart d',
    ]);
  });
  test('temporary children are stopped but not restarted', () => {
    const temporary: RecoveryPolicy = { ...basePolicy, when: 'never' };
    const group = [view('a'), view('b', 'stopped'), view('t', 'running', { policy: temporary })];
    const effects = groupRestartEffects('b', ['a', 't'], systemViewOf(group), 0);
    expect(effects.filter((e) => e.kind === 'restart').map((e) => (e as { component: string }).component)).toEqual(['b', 'a']);
    expect(effects.filter((e) => e.kind === 'stop').map((e) => (e as { component: string }).component)).toEqual(['t', 'a']);
  });
});

describe('OTP restart_multiple_children (supervisor.erl): terminate in turn, then start all', () => {
  const temporary: RecoveryPolicy = { ...basePolicy, when: 'never' };
  const kids = [view('a'), view('b', 'stopped'), view('c'), view('t', 'running', { policy: temporary }), view('d', 'failed')];
  const siblings = kids.map((k) => ({ name: k.name }));
  test('one_for_all: the live others in reverse start order, then the restartable ones and the failed child in start order', () => {
    const others = companions('one_for_all', 'b', siblings, systemViewOf(kids));
    expect(otpGroupRestartEffects('b', others, systemViewOf(kids), 0)).toEqual([{ kind: 'stop-then-restart', stop: ['t', 'c', 'a'], restart: ['a', 'b', 'c'] }]);
  });
  test('rest_for_one: only those started after it', () => {
    const others = companions('rest_for_one', 'b', siblings, systemViewOf(kids));
    expect(otpGroupRestartEffects('b', others, systemViewOf(kids), 0)).toEqual([{ kind: 'stop-then-restart', stop: ['t', 'c'], restart: ['b', 'c'] }]);
  });
  test('nothing alive to wait for: all restart after the delay, as before', () => {
    const down = [view('a', 'stopped'), view('b', 'stopped')];
    expect(otpGroupRestartEffects('b', ['a'], systemViewOf(down), 0)).toEqual(groupRestartEffects('b', ['a'], systemViewOf(down), 0));
  });
});

describe('Redox restart-dependents', () => {
  const all = [
    view('ahcid', 'stopped'),
    view('redoxfs', 'running', { depends: ['ahcid'] }),
    view('audiod'),
    view('editor', 'running', { depends: ['redoxfs'] }),
    view('sync', 'running', { depends: ['editor', 'audiod'] }),
  ];
  test('every component depending on it, directly or not, in declaration order', () => {
    expect(transitiveDependents('ahcid', systemViewOf(all))).toEqual(['redoxfs', 'editor', 'sync']);
    expect(transitiveDependents('audiod', systemViewOf(all))).toEqual(['sync']);
  });
});
