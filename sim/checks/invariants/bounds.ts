import { US_PER_S, type Micros } from '../../engine/time.js';
import type { ComponentSpec, Scenario } from '../../scenario/types.js';

/**
 * The time bounds liveness invariants allow, each a sum of the delays the
 * scenario itself declares, so that a slow but correct policy is never
 * blamed and a stuck one always is.
 */

/** A component's own stop timeout (F8: overridable per environment), which bounds every stop of it. */
function stopTimeoutOf(scenario: Scenario, c: ComponentSpec): Micros {
  return c.stopTimeoutUs ?? scenario.system.stopTimeoutUs;
}

/**
 * Bounds by scenario: each is a walk over every component (a second for the
 * catalogue's set-up at 10^6, when three observers each walked for the same
 * bound), and a resolved scenario is plain data nothing changes.
 */
const rebootBounds = new WeakMap<Scenario, Micros>();
const recoveryBounds = new WeakMap<Scenario, Micros>();

function remembered(bounds: WeakMap<Scenario, Micros>, scenario: Scenario, compute: (scenario: Scenario) => Micros): Micros {
  let us = bounds.get(scenario);
  if (us === undefined) bounds.set(scenario, (us = compute(scenario)));
  return us;
}

/** From a reboot request to the next boot: shim, Admin.Reboot timeout, each component's own stop (and kill) one after another, reset. */
export function rebootBoundUs(scenario: Scenario): Micros {
  return remembered(rebootBounds, scenario, computeRebootBoundUs);
}

function computeRebootBoundUs(scenario: Scenario): Micros {
  const s = scenario.system;
  let stopsUs = 0;
  const components = scenario.components;
  for (let i = 0; i < components.length; i++) stopsUs += stopTimeoutOf(scenario, components[i]!) + s.killTimeoutUs;
  return s.shimDelayUs + s.rebootCallTimeoutUs + stopsUs + s.resetDelayUs;
}

/** From a critical termination to the start of the reboot it brings (shutdown or panic). */
export function criticalRebootBoundUs(scenario: Scenario): Micros {
  return scenario.system.shimDelayUs + scenario.system.rebootCallTimeoutUs + US_PER_S;
}

/**
 * Kubernetes probes: how long after reaching running a component may take to
 * be ready (or found dead): its warmup, and for each probe its initial delay,
 * enough periods for a threshold of results after the warmup, and a timeout.
 */
function readyAfterStartUs(c: ComponentSpec): Micros {
  let us = c.warmupUs ?? 0;
  // Most components have no probes: nothing to walk (and no empty object and array made for each of 10^6).
  if (c.probes === undefined) return us;
  for (const p of Object.values(c.probes)) us += p.initialDelayUs + (Math.max(p.successThreshold, p.failureThreshold) + 1) * p.periodUs + p.timeoutUs;
  return us;
}

/**
 * From the end of the fault phase to a settled system: a whole reboot, then
 * every component started one after another (the longest possible dependency
 * chain, each made ready by its probes), plus two heartbeat periods to notice a hang and one stop timeout to
 * kill it. Restart delays are added per decision by the caller.
 */
export function recoveryBoundUs(scenario: Scenario): Micros {
  return remembered(recoveryBounds, scenario, computeRecoveryBoundUs);
}

function computeRecoveryBoundUs(scenario: Scenario): Micros {
  const s = scenario.system;
  // Indexed loops: run once per scenario, they are not optimised, and a for-of makes an iterator result per component.
  const components = scenario.components;
  let startsUs = 0;
  for (let i = 0; i < components.length; i++) {
    const c = components[i]!;
    startsUs += c.startLatencyUs + c.stopLatencyUs + readyAfterStartUs(c);
  }
  let longestStopUs = s.stopTimeoutUs;
  for (let i = 0; i < components.length; i++) longestStopUs = Math.max(longestStopUs, stopTimeoutOf(scenario, components[i]!));
  return rebootBoundUs(scenario) + startsUs + 2 * s.heartbeatPeriodUs + longestStopUs + s.killTimeoutUs + US_PER_S;
}

/**
 * The instant the fault phase ends: the last injected fault (`lastFaultUs`,
 * the latest `fault` record the run wrote, 0 if none), or the end of the last
 * window in which a stochastic fault may still arrive, whichever is later,
 * unless the scenario says where its heal phase starts (`heal:`). Liveness is
 * judged only after it.
 */
export function faultPhaseEndUs(scenario: Scenario, lastFaultUs: Micros): Micros {
  if (scenario.healUs !== undefined) return scenario.healUs;
  let end = lastFaultUs;
  for (const f of scenario.faults) {
    if (f.trigger.kind === 'rate' && f.trigger.perUs > 0) end = Math.max(end, Math.min(f.trigger.untilUs, scenario.durationUs));
  }
  return end;
}
