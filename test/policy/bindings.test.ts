import { describe, expect, test } from 'vitest';
import { restartJobs, retroactiveStopJobs, stopJobs } from '../../sim/policy/bindings.js';
import { systemViewOf } from '../../sim/policy/system-view.js';
import type { ComponentView } from '../../sim/policy/types.js';
import type { LifecycleState } from '../../sim/trace/records.js';
import { basePolicy } from './context.js';

function unit(name: string, state: LifecycleState, rel: { bindsTo?: string[]; partOf?: string[] } = {}): ComponentView {
  return { name, state, monitor: 'init', depends: [], policy: { ...basePolicy, ...rel } };
}

describe('systemd BindsTo= and PartOf= as jobs (unit-dependency-atom.c, transaction.c)', () => {
  const system = systemViewOf([
    unit('db', 'stopped'),
    unit('cache', 'running', { bindsTo: ['db'] }),
    unit('web', 'running', { partOf: ['db'] }),
    unit('metrics', 'running', { partOf: ['cache'] }),
    unit('other', 'running'),
  ]);

  test('a unit going down on its own stops what binds to it (RETROACTIVE_STOP_ON_STOP), not what is part of it; the stop propagates on', () => {
    expect(retroactiveStopJobs('db', system)).toEqual([
      { kind: 'stop', component: 'cache', from: 'db', relation: 'BindsTo' },
      { kind: 'stop', component: 'metrics', from: 'cache', relation: 'PartOf' },
    ]);
  });

  test('a stop job propagates to BindsTo= and PartOf= units (PROPAGATE_STOP)', () => {
    expect(stopJobs('db', system).map((j) => j.component)).toEqual(['cache', 'web', 'metrics']);
  });

  test('a restart try-restarts active units only: a try-restart of an inactive unit is a no-op and propagates nothing', () => {
    expect(restartJobs('db', system).map((j) => `${j.kind} ${j.component}`)).toEqual(['try-restart cache', 'try-restart web', 'try-restart metrics']);
    const cacheDown = systemViewOf([unit('db', 'running'), unit('cache', 'stopped', { bindsTo: ['db'] }), unit('metrics', 'running', { partOf: ['cache'] })]);
    expect(restartJobs('db', cacheDown)).toEqual([]);
  });

  test('a cycle (target BindsTo=service, service PartOf=target): the stop job of the target comes back to the crashed service, once', () => {
    const pair = systemViewOf([unit('svc', 'stopped', { partOf: ['app.target'] }), unit('app.target', 'running', { bindsTo: ['svc'] })]);
    expect(retroactiveStopJobs('svc', pair)).toEqual([
      { kind: 'stop', component: 'app.target', from: 'svc', relation: 'BindsTo' },
      { kind: 'stop', component: 'svc', from: 'app.target', relation: 'PartOf' },
    ]);
    expect(stopJobs('svc', pair).map((j) => j.component)).toEqual(['app.target']);
  });
});
