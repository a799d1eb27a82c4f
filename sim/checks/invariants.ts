import { US_PER_S } from '../engine/time.js';
import { dependentsOf } from '../scenario/graph.js';
import { isAllowlisted } from '../scenario/realm.js';
import type { Scenario } from '../scenario/types.js';
import type { TraceRecord } from '../trace/records.js';
import type { Violation } from '../trace/trace-file.js';
import { TraceReplay } from './replay.js';

/**
 * The invariant catalogue: each a pure function of a trace (and the scenario
 * it ran), with the rule it comes from. Safety invariants point at the record
 * that broke them; liveness invariants at the record left without its
 * consequence.
 */
export interface Invariant {
  id: string;
  statement: string;
  rule: string;
  kind: 'safety' | 'liveness';
  check(records: readonly TraceRecord[], scenario: Scenario): Violation[];
}

function violation(inv: Invariant, message: string, record?: number): Violation {
  return { invariant: inv.id, message, record, kind: inv.kind };
}

const noRebootDuringShutdown: Invariant = {
  id: 'no-reboot-during-shutdown',
  statement: 'No reboot is requested while the system is shutting down, rebooting or panicking.',
  rule: 'F2',
  kind: 'safety',
  check(records) {
    const replay = new TraceReplay();
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'reboot-requested' && replay.isShuttingDown()) {
        out.push(violation(this, `reboot requested by ${r.by}${r.component ? ` for ${r.component}` : ''} while the system was ${replay.power}`, r.seq));
      }
      replay.apply(r);
    }
    return out;
  },
};

const oneRebootInFlight: Invariant = {
  id: 'one-reboot-in-flight',
  statement: 'At most one reboot is in flight: no second reboot request before the next boot starts.',
  rule: 'F6',
  kind: 'safety',
  check(records) {
    const out: Violation[] = [];
    let inFlight: number | undefined;
    for (const r of records) {
      if (r.type === 'boot-started') inFlight = undefined;
      else if (r.type === 'reboot-requested' || r.type === 'panic') {
        if (inFlight !== undefined && r.type === 'reboot-requested') {
          out.push(violation(this, `second reboot requested while the one at seq ${inFlight} is still in flight`, r.seq));
        }
        inFlight ??= r.seq;
      }
    }
    return out;
  },
};

const shutdownStopsDependentsFirst: Invariant = {
  id: 'shutdown-stops-dependents-first',
  statement: 'A shutdown never asks a provider to stop while a component that depends on it is still alive.',
  rule: 'F8, R5',
  kind: 'safety',
  check(records, scenario) {
    const dependents = dependentsOf(scenario.components);
    const replay = new TraceReplay();
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'stop-requested' && r.reason === 'shutdown') {
        const alive = (dependents.get(r.component) ?? []).filter((d) => replay.isAlive(d));
        if (alive.length > 0) out.push(violation(this, `${r.component} asked to stop while its dependents ${alive.join(', ')} still run`, r.seq));
      }
      replay.apply(r);
    }
    return out;
  },
};

const noStartBeforeDependencies: Invariant = {
  id: 'no-start-before-dependencies',
  statement: 'No component starts while one of its dependencies is not running.',
  rule: 'R4',
  kind: 'safety',
  check(records, scenario) {
    const depends = new Map(scenario.components.map((c) => [c.name, c.depends]));
    const replay = new TraceReplay();
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'state' && r.to === 'starting') {
        const missing = (depends.get(r.component) ?? []).filter((d) => replay.stateOf(d) !== 'running');
        if (missing.length > 0) out.push(violation(this, `${r.component} started while ${missing.join(', ')} did not run`, r.seq));
      }
      replay.apply(r);
    }
    return out;
  },
};

const oneLiveInstance: Invariant = {
  id: 'one-live-instance',
  statement: 'A component never has two live instances: it starts only from stopped.',
  rule: 'model',
  kind: 'safety',
  check(records) {
    const replay = new TraceReplay();
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'state' && r.to === 'starting' && replay.isAlive(r.component)) {
        out.push(violation(this, `${r.component} started again while an instance was ${replay.stateOf(r.component)}`, r.seq));
      }
      replay.apply(r);
    }
    return out;
  },
};

const noDataLostOnGracefulReboot: Invariant = {
  id: 'no-data-lost-on-graceful-reboot',
  statement: 'Nothing unflushed is lost during a graceful shutdown.',
  rule: 'F8',
  kind: 'safety',
  check(records) {
    const replay = new TraceReplay();
    const out: Violation[] = [];
    for (const r of records) {
      if (r.type === 'data-lost' && replay.power === 'shutting-down') {
        out.push(violation(this, `${r.component} lost ${r.bytes} unflushed bytes during a graceful shutdown`, r.seq));
      }
      replay.apply(r);
    }
    return out;
  },
};

const rebootOnlyFromAllowlist: Invariant = {
  id: 'reboot-only-from-allowlist',
  statement: 'No reboot is requested on behalf of a component outside the reboot_on_terminate allowlist.',
  rule: 'F4',
  kind: 'safety',
  check(records, scenario) {
    const allowlist = scenario.system.rebootOnTerminate.allowlist;
    return records
      .filter((r): r is Extract<TraceRecord, { type: 'reboot-requested' }> => r.type === 'reboot-requested')
      .filter((r) => r.by === 'component_manager' && r.component !== undefined && !isAllowlisted(r.component, allowlist))
      .map((r) => violation(this, `reboot requested for ${r.component}, which is not allowlisted`, r.seq));
  },
};

const criticalTerminationReboots: Invariant = {
  id: 'critical-termination-reboots',
  statement: 'A reboot-on-terminate component that terminates outside shutdown brings a reboot (graceful or panic) within the bound.',
  rule: 'F1, F7',
  kind: 'liveness',
  check(records, scenario) {
    const sys = scenario.system;
    if (!sys.rebootOnTerminate.enabled) return [];
    const critical = new Set(scenario.components.filter((c) => c.onTerminate === 'reboot').map((c) => c.name));
    const boundUs = sys.shimDelayUs + sys.rebootCallTimeoutUs + US_PER_S;
    const end = records.at(-1)?.t ?? 0;
    const replay = new TraceReplay();
    const out: Violation[] = [];
    const destroyed = new Set<string>();
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      if (r.type === 'stop-requested' && r.reason === 'destroy') destroyed.add(r.component);
      if (r.type === 'terminated' && critical.has(r.component) && !replay.isShuttingDown() && !destroyed.has(r.component)) {
        const graceful = r.termination.kind === 'exit' && r.termination.exitCode === 0;
        if (!(sys.rebootOnTerminate.trigger === 'non-graceful-exit' && graceful) && r.t + boundUs <= end) {
          const reboot = records.slice(i + 1).find((x) => (x.type === 'shutdown-started' || x.type === 'panic') && x.t <= r.t + boundUs);
          if (!reboot) out.push(violation(this, `${r.component} terminated and no reboot followed within ${boundUs / US_PER_S}s`, r.seq));
        }
      }
      replay.apply(r);
    }
    return out;
  },
};

const requestedRebootCompletes: Invariant = {
  id: 'requested-reboot-completes',
  statement: 'A reboot, once requested, completes: a boot starts afterwards.',
  rule: 'F7 (liveness)',
  kind: 'liveness',
  check(records, scenario) {
    const sys = scenario.system;
    const boundUs = sys.shimDelayUs + sys.rebootCallTimeoutUs + scenario.components.length * (sys.stopTimeoutUs + sys.killTimeoutUs) + sys.resetDelayUs;
    const end = records.at(-1)?.t ?? 0;
    const out: Violation[] = [];
    let pending: TraceRecord | undefined;
    for (const r of records) {
      if (r.type === 'boot-started') pending = undefined;
      else if ((r.type === 'reboot-requested' || r.type === 'panic') && !pending) pending = r;
    }
    if (pending && pending.t + boundUs <= end) out.push(violation(this, `reboot requested at seq ${pending.seq} never completed`, pending.seq));
    return out;
  },
};

export const INVARIANTS: readonly Invariant[] = [
  noRebootDuringShutdown,
  oneRebootInFlight,
  shutdownStopsDependentsFirst,
  noStartBeforeDependencies,
  oneLiveInstance,
  noDataLostOnGracefulReboot,
  rebootOnlyFromAllowlist,
  criticalTerminationReboots,
  requestedRebootCompletes,
];

/** Runs the whole catalogue over a trace; violations come out ordered by the record that broke them. */
export function checkInvariants(records: readonly TraceRecord[], scenario: Scenario): Violation[] {
  return INVARIANTS.flatMap((inv) => inv.check(records, scenario)).sort((a, b) => (a.record ?? Infinity) - (b.record ?? Infinity));
}
