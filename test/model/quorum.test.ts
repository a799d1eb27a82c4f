import { describe, expect, test } from 'vitest';
import { runYaml, story } from '../helpers/scenario.js';

/** Quorum dependencies in the model: k of n members up (sim/model/readiness.ts, reactors/dependencies.ts). */
const cluster = (faults: string, system = 'system: { on_dependency_stop: stop-dependents }') => `
name: a 2-of-3 quorum
duration: 1min
${system}
components:
  - { name: m1, restart: { when: on-failure, delay: 10s } }
  - { name: m2, restart: { when: on-failure, delay: 10s } }
  - { name: m3, restart: { when: on-failure, delay: 10s } }
  - { name: api, depends: [{ quorum: 2, of: [m1, m2, m3] }] }
faults:
${faults}
`;

describe('a quorum dependency', () => {
  test('one member down: the dependent keeps running', () => {
    const trace = runYaml(cluster('  - { at: 5s, crash: m2 }'));
    expect(story(trace, ['stop-requested'])).toEqual([]);
    expect(trace.summary.violations).toEqual([]);
  });

  test('two members down: the dependent stops, and starts again once two run', () => {
    const trace = runYaml(cluster('  - { at: 5s, crash: m1 }\n  - { at: 6s, crash: m3 }'));
    expect(story(trace, ['stop-requested', 'restart'])).toEqual([
      '6.000s stop-requested api dependency',
      '15.000s restart m1',
      '15.100s restart api',
      '16.000s restart m3',
    ]);
  });

  test('kept under keep-dependents: losing the quorum takes nothing down', () => {
    const trace = runYaml(cluster('  - { at: 5s, crash: m1 }\n  - { at: 6s, crash: m3 }', 'system: { on_dependency_stop: keep-dependents }'));
    expect(story(trace, ['stop-requested'])).toEqual([]);
  });

  test('a shutdown stops the dependent before every member (F8/R5 order)', () => {
    const trace = runYaml(cluster('  - { at: 5s, shutdown: user-request }'));
    const stops = trace.records.filter((r) => r.type === 'terminated' && r.t >= 5_000_000 && r.t < 6_500_000);
    expect(stops[0]!.component).toBe('api');
    expect(stops.slice(1).map((r) => r.component).sort()).toEqual(['m1', 'm2', 'm3']);
    expect(trace.summary.violations).toEqual([]);
  });
});
