import { describe, expect, test } from 'vitest';
import { runYaml } from '../helpers/scenario.js';

describe('liveness bounds come from each component\'s own settings (issue 10, item 9)', () => {
  test('a component with its own long stop timeout and a slow stop does not make a reboot look stuck', () => {
    const trace = runYaml(`
name: slow but willing stop under its own timeout
duration: 2min
components:
  - { name: pm, kind: power-manager }
  - { name: db, stop_latency: 25s, stop_timeout: 30s }
faults:
  - { at: 10s, shutdown: update }
`);
    expect(trace.summary.reboots.graceful).toBe(1);
    expect(trace.summary.violations).toEqual([]);
  });

  test('with every system timeout at 0, a plain user shutdown is not flagged', () => {
    const trace = runYaml(`
name: zero timeouts
duration: 1min
system: { stop_timeout: 0s, kill_timeout: 0s, reset_delay: 0s, shim_delay: 0s, reboot_call_timeout: 0s }
components:
  - { name: pm, kind: power-manager }
  - { name: a }
faults:
  - { at: 10s, shutdown: update }
`);
    expect(trace.summary.reboots.graceful + trace.summary.reboots.ungraceful).toBe(1);
    expect(trace.summary.violations.filter((v) => v.invariant === 'requested-reboot-completes')).toEqual([]);
  });
});
