import { describe, expect, test } from 'vitest';
import { runYaml, story } from '../helpers/scenario.js';

const storage = (extra = '', faults = '') => `
name: storage
duration: 1min
${extra}
components:
  - { name: pm, kind: power-manager }
  - { name: ahcid, kind: driver, stop_latency: 100ms }
  - { name: redoxfs, depends: [ahcid], stop_latency: 200ms, dirty_data: { write_rate: 1MB/s, flush_every: 5s } }
  - { name: editor, kind: app, depends: [redoxfs], stop_latency: 300ms }
  - { name: player, kind: app, depends: [redoxfs], stop_latency: 100ms }
faults:
  - { at: 12s, shutdown: update installed }
${faults}
`;

describe('boot and graceful reboot follow the dependency graph', () => {
  test('boot starts each component once its dependencies run', () => {
    const trace = runYaml(storage());
    const starts = story(trace, ['state']).filter((l) => l.includes('stopped->starting') && l.startsWith('0.'));
    expect(starts).toEqual([
      '0.000s state pm stopped->starting',
      '0.000s state ahcid stopped->starting',
      '0.100s state redoxfs stopped->starting',
      '0.200s state editor stopped->starting',
      '0.200s state player stopped->starting',
    ]);
  });

  test('shutdown stops dependents first, independent ones together, the power manager last (F8, R5)', () => {
    const trace = runYaml(storage());
    expect(story(trace, ['shutdown-started', 'stop-requested', 'terminated', 'data-flushed', 'shutdown-completed'])).toEqual([
      '12.000s shutdown-started',
      '12.000s stop-requested editor shutdown',
      '12.000s stop-requested player shutdown',
      '12.100s terminated player exit 0',
      '12.300s terminated editor exit 0',
      '12.300s stop-requested redoxfs shutdown',
      '12.500s data-flushed redoxfs 2300000B',
      '12.500s terminated redoxfs exit 0',
      '12.500s stop-requested ahcid shutdown',
      '12.600s terminated ahcid exit 0',
      '12.600s stop-requested pm shutdown',
      '12.650s terminated pm exit 0',
      '12.650s shutdown-completed',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 1, ungraceful: 0 });
    expect(trace.summary.lostDataBytes).toBe(0);
    expect(trace.summary.finalStates).toMatchObject({ ahcid: 'running', redoxfs: 'running', editor: 'running' });
  });

  test('a component that ignores the stop request is killed at the stop timeout, and its data is lost', () => {
    const trace = runYaml(storage('system: { stop_timeout: 2s }', '  - { at: 5s, ignore_stop: redoxfs }'));
    expect(story(trace, ['stop-requested', 'killed', 'terminated', 'data-lost']).filter((l) => l.includes('redoxfs'))).toEqual([
      '12.300s stop-requested redoxfs shutdown',
      '14.300s killed redoxfs',
      '14.300s terminated redoxfs stop-timeout',
      '14.300s data-lost redoxfs 4100000B',
    ]);
    expect(trace.summary.lostDataBytes).toBe(4_100_000); // the fault's loss, not the shutdown's: no invariant is broken
    expect(trace.summary.violations).toEqual([]);
  });

  test('a restart whose dependencies are down is refused, names them, and waits for them (R4)', () => {
    const trace = runYaml(`
name: refused
duration: 10s
components:
  - { name: ahcid, kind: driver, restart: { when: on-failure, delay: 2s } }
  - { name: redoxfs, depends: [ahcid], restart: { when: on-failure, delay: 100ms } }
faults:
  - { at: 1s, crash: ahcid }
  - { at: 1s, crash: redoxfs }
`);
    expect(story(trace, ['restart', 'start-refused', 'state']).filter((l) => !l.startsWith('0.') && !l.includes('->stopped'))).toEqual([
      '1.100s restart redoxfs',
      '1.100s start-refused redoxfs ahcid',
      '3.000s restart ahcid',
      '3.000s state ahcid stopped->starting',
      '3.100s state ahcid starting->running',
      '3.100s state redoxfs stopped->starting',
      '3.200s state redoxfs starting->running',
    ]);
  });
});

describe('an ungraceful reboot loses what was unflushed and in flight', () => {
  const critical = (fault: string) => `
name: critical
duration: 30s
components:
  - { name: /bootstrap/power_manager, kind: power-manager, main_process_critical: true }
  - { name: blk, kind: driver, requests: { rate: 1000/s, service_time: 20ms, clients: block }, dirty_data: { write_rate: 1MB/s, flush_every: 10s } }
faults:
  - ${fault}
`;

  test('a main-process-critical component that crashes panics the system (F9)', () => {
    const trace = runYaml(critical('{ at: 5s, crash: /bootstrap/power_manager, exit_code: 1 }'));
    expect(story(trace, ['panic', 'terminated', 'data-lost', 'boot-completed']).filter((l) => !l.startsWith('0.'))).toEqual([
      '5.000s terminated /bootstrap/power_manager exit 1',
      '5.000s panic',
      '5.000s terminated blk system-reset',
      '5.000s data-lost blk 4900000B',
      '6.100s boot-completed',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 1 });
    expect(trace.summary.lostRequests).toBeGreaterThan(5); // about 20 in flight at 1000/s x 20 ms
    expect(trace.records.find((r) => r.type === 'panic')).toMatchObject({ reason: 'critical-process-failure', culprit: '/bootstrap/power_manager' });
  });

  test('a main-process-critical component that exits 0 does not panic (F9)', () => {
    const trace = runYaml(critical('{ at: 5s, exit: /bootstrap/power_manager }'));
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 0 });
  });
});
