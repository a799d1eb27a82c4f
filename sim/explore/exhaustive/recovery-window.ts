import type { Micros } from '../../engine/time.js';
import type { Simulation } from '../../model/simulation.js';
import type { Topology } from '../../model/topology.js';

/**
 * Whether recovery is under way at this position of a run: a boot, reboot or
 * shutdown in progress, a component starting, stopping or hung, a start
 * waiting for what it needs, a termination its monitor has not handled yet,
 * a group or ordered stop unfinished, or a restart or boot timer pending.
 * Depth 2 places its second fault while this holds after the first (and
 * at the instant it stops holding: "the system is back").
 */
export function isRecovering(sim: Simulation): boolean {
  const s = sim.state;
  if (s.power !== 'up' || s.rebootInFlight || s.shutdown !== undefined) return true;
  for (const c of s.components) {
    const life = c.life.state;
    if (life === 'starting' || life === 'stopping' || life === 'hung') return true;
    if (c.life.state === 'stopped' && c.life.pending !== undefined) return true;
    if (c.unhandledTermination !== undefined || c.restartBatch !== undefined || c.queuedStop !== undefined || c.escalation !== undefined) return true;
  }
  for (const p of sim.engine.pendingEvents()) {
    const k = p.event.k;
    if (k === 'restart' || k === 'boot' || k === 'shim-connect-timeout' || k === 'start-done' || k === 'stop-done') return true;
  }
  return false;
}

/**
 * The targets of a second fault: the first fault's target and its
 * neighbourhood (its providers, dependents, monitor, supervisors, and the
 * components bound to it), the power manager and every component manager.
 * A system fault (a shutdown, the reboot call) has the power manager, the
 * component managers and the monitors as its neighbourhood.
 */
export function neighbourhoodOf(topo: Topology, target: string | undefined): string[] {
  const picked = new Set<number>();
  if (topo.powerManager !== undefined) picked.add(topo.powerManager);
  topo.specs.forEach((spec, i) => spec.kind === 'component-manager' && picked.add(i));
  const c = target === undefined ? undefined : topo.index.get(target);
  if (c === undefined) {
    topo.isMonitor.forEach((m, i) => m && picked.add(i));
  } else {
    picked.add(c);
    for (const list of [topo.dependsOn[c]!, topo.dependents[c]!, topo.supervisorsOf[c]!, topo.boundTo[c]!, topo.childrenOf[c]!]) for (const i of list) picked.add(i);
    const monitor = topo.monitorOf[c];
    if (monitor !== undefined) picked.add(monitor);
  }
  // In declaration order, so the menu does not depend on how the set was filled.
  return [...picked].sort((a, b) => a - b).map((i) => topo.specs[i]!.name);
}

/** The latest instant a second fault may land after a first at `firstUs`: the heal bound, and never past the fault window. */
export function windowCapUs(firstUs: Micros, healBoundUs: Micros, faultWindowUs: Micros): Micros {
  return Math.min(firstUs + healBoundUs, faultWindowUs);
}
