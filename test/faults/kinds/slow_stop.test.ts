import { describe, expect, test } from 'vitest';
import { runYaml, story } from '../../helpers/scenario.js';
import { rejectionOf } from '../../helpers/rejection.js';

/** A store and a writer with unflushed data; the user asks for a reboot at 10 s. The writer stops in 100 ms, within a 1 s stop timeout. */
const system = `
name: slow stop
duration: 20s
system: { stop_timeout: 1s }
components:
  - { name: power, kind: power-manager, main_process_critical: true }
  - { name: store, kind: driver }
  - { name: writer, depends: [store], stop_latency: 100ms, dirty_data: { write_rate: 1MB/s, flush_every: 5s } }
`;

const stopStory = (yaml: string) => story(runYaml(yaml), ['stop-requested', 'killed', 'terminated', 'data-flushed', 'data-lost']).filter((line) => line.startsWith('12.') || line.startsWith('13.'));

describe("slow_stop: X's next stop takes factor times its stop latency, and the stop timeout still bounds it", () => {
  test('slowed within the timeout (5 x 100 ms): a late but graceful stop, its data flushed; the store waits for it', () => {
    expect(stopStory(`${system}faults:
  - { at: 5s, slow_stop: writer, factor: 5 }
  - { at: 12s, shutdown: user-request }
`)).toEqual([
      '12.000s stop-requested writer shutdown',
      '12.500s data-flushed writer 2300000B',
      '12.500s terminated writer exit 0',
      '12.500s stop-requested store shutdown',
      '12.550s terminated store exit 0',
      '12.550s stop-requested power shutdown',
      '12.600s terminated power exit 0',
    ]);
  });

  test("slowed past the timeout (50 x 100 ms): killed at 1 s, its unflushed data lost; the loss is the fault's, not a violation", () => {
    const trace = runYaml(`${system}faults:
  - { at: 5s, slow_stop: writer, factor: 50 }
  - { at: 12s, shutdown: user-request }
`);
    expect(story(trace, ['stop-requested', 'killed', 'terminated', 'data-lost']).filter((line) => line.startsWith('12.') || line.startsWith('13.'))).toEqual([
      '12.000s stop-requested writer shutdown',
      '13.000s killed writer',
      '13.000s terminated writer stop-timeout',
      '13.000s data-lost writer 2800000B',
      '13.000s stop-requested store shutdown',
      '13.050s terminated store exit 0',
      '13.050s stop-requested power shutdown',
      '13.100s terminated power exit 0',
    ]);
    expect(trace.summary.reboots).toMatchObject({ graceful: 1 });
    expect(trace.summary.violations).toEqual([]);
  });

  test('a stop that takes exactly the stop timeout completes (10 x 100 ms = 1 s); the slowing is used up by that stop', () => {
    const trace = runYaml(`${system}faults:
  - { at: 5s, slow_stop: writer }
  - { at: 6s, operator: writer, action: stop }
  - { at: 8s, operator: writer, action: start }
  - { at: 12s, shutdown: user-request }
`);
    expect(story(trace, ['killed', 'terminated']).filter((line) => / writer /.test(line))).toEqual(['7.000s terminated writer exit 0', '12.100s terminated writer exit 0']);
  });

  test('its factor must be above 0, refused at the field', () => {
    expect(rejectionOf(`${system}faults:
  - { at: 5s, slow_stop: writer, factor: 0 }
`)).toMatch(/^inline\.yaml:\d+:\d+ faults\[0\]\.factor: must be above 0/);
  });
});
