import type { RecordType } from '../../../sim/trace/records.js';
import type { TraceFile } from '../../../sim/trace/trace-file.js';
import { runYaml, story } from '../../helpers/scenario.js';

/**
 * The small system each fault kind's test injects into: a power manager, a
 * store (a driver checked by heartbeat every second), an app that depends on
 * it and is restarted 1 s after a failure, and /core/net, which reboots the
 * system when it terminates (allowlisted).
 */
export const SYSTEM = `
name: a fault kind at work
duration: 20s
system: { heartbeat_period: 1s, reboot_on_terminate: { enabled: true, allowlist: [/core/net] } }
components:
  - { name: power, kind: power-manager, main_process_critical: true }
  - { name: store, kind: driver }
  - { name: app, depends: [store], restart: { when: on-failure, delay: 1s } }
  - { name: /core/net, on_terminate: reboot }
faults:
`;

/** Runs the system with these fault lines. */
export function runWith(faults: string): TraceFile {
  return runYaml(`${SYSTEM}${faults}\n`);
}

/** The story from `fromS` seconds on, of the record types asked for. */
export function storyFrom(trace: TraceFile, fromS: number, types: readonly RecordType[]): string[] {
  return story(trace, types).filter((line) => Number.parseFloat(line) >= fromS);
}
