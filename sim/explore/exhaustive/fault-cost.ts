import type { Micros } from '../../engine/time.js';
import { recoversFromSingleFault } from '../../checks/invariants/recovers-from-single-fault.js';
import { TraceReplay } from '../../checks/replay.js';
import type { Scenario } from '../../scenario/types.js';
import type { TraceRecord } from '../../trace/records.js';

/**
 * What one fault cost a system, read from the records of a run: the outcome
 * class, what it left down for good, how long until everything that ran
 * before it ran again, and what it lost on the way. Everything is counted
 * from the fault on and relative to its instant, so two cases whose states
 * after injection are the same (canonical-state.ts) cost the same.
 */
export type OutcomeClass = 'recovered' | 'degraded' | 'reboot' | 'panic' | 'halted';

export interface FaultCost {
  outcome: OutcomeClass;
  /** Components that ran before the fault and do not run at the end (declaration order). */
  down: string[];
  /** Whether it is a single point of failure: recovers-from-single-fault broke, or the system rebooted, panicked or halted for a fault that was not a requested shutdown. */
  spof: boolean;
  /** From the fault to the instant everything that ran before it ran again (null: never; 0: nothing went down). */
  recoveryUs: Micros | null;
  restarts: number;
  requestsLost: number;
  dataLostBytes: number;
  /** Graceful shutdowns and panics after the fault. */
  reboots: { graceful: number; ungraceful: number };
  /** Every invariant the case broke, sorted (a replay's `expect: violations`). */
  violated: string[];
}

/** The cost of a fault that changed nothing (a duplicate of the fault-free run). */
export function noEffectCost(): FaultCost {
  return { outcome: 'recovered', down: [], spof: false, recoveryUs: 0, restarts: 0, requestsLost: 0, dataLostBytes: 0, reboots: { graceful: 0, ungraceful: 0 }, violated: [] };
}

const RANK: Readonly<Record<OutcomeClass, number>> = { halted: 4, degraded: 3, panic: 2, reboot: 1, recovered: 0 };

/**
 * Worse first: single points of failure before the rest, then by class
 * (halted, degraded, panic, reboot, recovered), more left down, a longer
 * recovery (never is longest), more data lost, more requests lost, more
 * restarts. Negative when `a` is worse than `b`; 0 when they cost the same.
 */
export function compareCosts(a: FaultCost, b: FaultCost): number {
  const recovery = (c: FaultCost): number => (c.recoveryUs === null ? Infinity : c.recoveryUs);
  return (
    Number(b.spof) - Number(a.spof) ||
    RANK[b.outcome] - RANK[a.outcome] ||
    b.down.length - a.down.length ||
    (recovery(a) === recovery(b) ? 0 : recovery(b) > recovery(a) ? 1 : -1) ||
    b.dataLostBytes - a.dataLostBytes ||
    b.requestsLost - a.requestsLost ||
    b.restarts - a.restarts ||
    b.reboots.ungraceful - a.reboots.ungraceful ||
    b.reboots.graceful - a.reboots.graceful
  );
}

/**
 * Watches the records of a case (those before the fault included: they say
 * what ran) and tells its cost at the end. `fromSeq`: the first record the
 * injection could have written; the fault is the first `fault` record from
 * there (a crash loop's comes later, when it first fires).
 */
export function faultCostObserver(scenario: Scenario, fromSeq: number, faultKind: string): { sink(r: TraceRecord): void; cost(violated: readonly string[]): FaultCost } {
  const replay = new TraceReplay();
  const ranBefore = new Set<string>();
  const downNow = new Set<string>();
  let faultUs: Micros | undefined;
  let wentDown = false;
  let allUpUs: Micros | undefined;
  const cost = noEffectCost();
  return {
    sink(r) {
      replay.apply(r);
      if (faultUs === undefined) {
        if (r.type === 'fault' && r.seq >= fromSeq) faultUs = r.t;
        else {
          if (r.type === 'state' && r.to === 'running') ranBefore.add(r.component);
          return;
        }
      }
      switch (r.type) {
        case 'state':
          if (!ranBefore.has(r.component)) break;
          if (r.to === 'running') {
            downNow.delete(r.component);
            if (downNow.size === 0 && wentDown) allUpUs = r.t;
          } else if (replay.stateOf(r.component) !== 'running') {
            downNow.add(r.component);
            wentDown = true;
          }
          break;
        case 'shutdown-started':
          cost.reboots.graceful++;
          break;
        case 'panic':
          cost.reboots.ungraceful++;
          break;
        case 'restart':
          cost.restarts++;
          break;
        case 'requests-lost':
          cost.requestsLost += r.count;
          break;
        case 'data-lost':
          cost.dataLostBytes += r.bytes;
          break;
      }
    },
    cost(violated) {
      cost.violated = [...violated].sort();
      cost.down = scenario.components.filter((c) => ranBefore.has(c.name) && replay.stateOf(c.name) !== 'running').map((c) => c.name);
      if (faultUs === undefined || !wentDown) cost.recoveryUs = 0;
      else cost.recoveryUs = cost.down.length === 0 && allUpUs !== undefined ? allUpUs - faultUs : null;
      cost.outcome = replay.isHalted() ? 'halted' : cost.down.length > 0 ? 'degraded' : cost.reboots.ungraceful > 0 ? 'panic' : cost.reboots.graceful > 0 ? 'reboot' : 'recovered';
      const rebooted = cost.outcome === 'halted' || cost.reboots.graceful + cost.reboots.ungraceful > 0;
      cost.spof = violated.includes(recoversFromSingleFault.id) || (rebooted && faultKind !== 'shutdown');
      return cost;
    },
  };
}
