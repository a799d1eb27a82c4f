/** What the invariant tests share: a system, a booted trace of it, and the violations of one invariant. */
import { checkInvariants, invariantById } from '../../../sim/checks/invariants.js';
import type { Scenario } from '../../../sim/scenario/types.js';
import type { TraceRecord } from '../../../sim/trace/records.js';
import { scenarioOf, TraceBuilder } from '../../helpers/trace-builder.js';

export const S = 1_000_000;

/** The system the invariant tests write their traces about. */
export const SYSTEM = scenarioOf(`
name: checker fixture
duration: 10min
system:
  reboot_on_terminate: { enabled: true, allowlist: [/core/net] }
components:
  - { name: /bootstrap/pm, kind: power-manager, main_process_critical: true }
  - { name: /core/fs, kind: driver, dirty_data: { write_rate: 1MB/s, flush_every: 5s } }
  - { name: /core/net, depends: [/core/fs], on_terminate: reboot }
  - { name: /core/bad, on_terminate: reboot }
  - { name: /core/app, depends: [/core/fs], restart: { when: on-failure, delay: 1s, max_restarts: 2 } }
  - { name: /core/sup, kind: supervisor, supervises: [/core/app], on_receive: dispatch_if_started }
`);
export const NAMES = SYSTEM.components.map((c) => c.name);

/** The ids of one invariant's violations, with the records they point at. */
export function broken(id: string, records: readonly TraceRecord[], scenario: Scenario = SYSTEM): { id: string; record?: number }[] {
  const inv = invariantById(id);
  if (!inv) throw new Error(`no invariant ${id}`);
  return checkInvariants(records, scenario, [inv]).map((v) => ({ id: v.invariant, record: v.record }));
}

export function booted(): TraceBuilder {
  return new TraceBuilder().bootWith(NAMES);
}

/** A graceful shutdown started at the current instant; returns its seq. */
export function shutdown(b: TraceBuilder): number {
  const s = b.add({ type: 'shutdown-started', mode: 'graceful', reason: 'user-request' });
  b.add({ type: 'power', from: 'up', to: 'shutting-down', cause: s });
  return s;
}
