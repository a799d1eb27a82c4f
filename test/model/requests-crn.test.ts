import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';
import type { TraceRecord } from '../../sim/trace/records.js';

/**
 * Common random numbers (DESIGN.md, determinism contract) in both request
 * modes: changing another component's policy changes neither the faults nor
 * the requests of a driver. Here the filesystem's restart delay changes; the
 * driver's own story (faults, requests lost, refused, delayed) is the same
 * record for record. And the requests do differ between seeds: the check
 * could fail.
 */
function scenario(mode: string, fsDelay: string): string {
  return `name: crn
duration: 30min
components:
  - { name: mon, kind: monitor }
  - name: disk
    kind: driver
    monitor: mon
    restart: { when: always, delay: 1s }
    requests: { rate: 50/s, service_time: 20ms, clients: block, mode: ${mode} }
  - name: serial
    kind: driver
    monitor: mon
    restart: { when: always, delay: 1s }
    requests: { rate: 50/s, service_time: 20ms, clients: char, mode: ${mode} }
  - { name: fs, monitor: mon, restart: { when: always, delay: ${fsDelay} } }
faults:
  - { rate: 20/h, crash: disk }
  - { rate: 20/h, crash: serial }
  - { rate: 30/h, crash: fs }
`;
}

function driverStory(text: string, seed: number): string[] {
  const trace = simulate(parseScenario(text, 'crn.yaml'), { seed });
  const drivers = new Set(['disk', 'serial']);
  return trace.records
    .filter((r: TraceRecord) => r.component !== undefined && drivers.has(r.component) && (r.type === 'fault' || r.type.startsWith('requests-')))
    .map((r) => `${r.t} ${r.type} ${r.component} ${'count' in r ? r.count : ''} ${'delayUs' in r ? r.delayUs : ''}`);
}

describe('requests keep common random numbers across policies', () => {
  test.each(['arithmetic', 'per-request'])('%s mode: another component\'s restart delay changes nothing of the drivers\' requests', (mode) => {
    const a = driverStory(scenario(mode, '100ms'), 7);
    const b = driverStory(scenario(mode, '5s'), 7);
    expect(a.filter((l) => l.includes('requests-')).length).toBeGreaterThan(3);
    expect(b).toEqual(a);
    expect(driverStory(scenario(mode, '100ms'), 8)).not.toEqual(a);
  });
});
