import type { Micros } from '../engine/time.js';
import type { ComponentRuntime } from './component.js';
import type { SimEvent } from './events.js';
import { monitorIsUp, monitorName, policyOf } from './monitor.js';
import type { World } from './world.js';

/**
 * How monitors find hung components (R3): heartbeats and calls tick on fixed
 * grids, but are scheduled only while a component hangs, since a healthy
 * answer changes nothing. Functions of the World, split out by concept.
 */
/**
 * Heartbeats and monitor calls tick on fixed grids from t = 0 (every
 * `period`). A healthy component answers every tick and nothing can come
 * of it, so the model schedules ticks only while a component is hung: the
 * first at the next grid instant at or after the hang. Same outcome, far
 * fewer events.
 */
export function scheduleAtNextTick(w: World, periodUs: Micros, event: SimEvent): void {
  const offset = w.nowUs % periodUs;
  w.engine.schedule(offset === 0 ? 0 : periodUs - offset, event);
}

export function watchHung(w: World, c: ComponentRuntime): void {
  const heartbeatUs = w.scenario.system.heartbeatPeriodUs;
  if (heartbeatUs > 0) scheduleAtNextTick(w, heartbeatUs, { k: 'heartbeat', c: c.index, generation: c.generation });
  const callEvery = callPeriodOf(w, c);
  if (callEvery !== undefined) scheduleAtNextTick(w, callEvery, { k: 'call', c: c.index, generation: c.generation });
}

/** R3: a monitor's periodic check finds a hung component, kills it and lets its policy decide. */
export function onHeartbeat(w: World, c: ComponentRuntime, generation: number): void {
  if (generation !== c.generation || c.state !== 'hung' || w.systemIsStopping()) return;
  const next = (): void => w.engine.schedule(w.scenario.system.heartbeatPeriodUs, { k: 'heartbeat', c: c.index, generation });
  if (!monitorIsUp(w, c)) return next();
  c.missedHeartbeats++;
  if (c.missedHeartbeats < policyOf(w, c).heartbeatMissLimit) return next();
  const detected = w.emit({ type: 'detected', component: c.spec.name, by: monitorName(w, c), how: 'heartbeat', cause: w.hungSince.get(c.index) });
  const killed = w.emit({ type: 'killed', component: c.spec.name, reason: 'missed heartbeat', cause: detected.seq });
  w.terminate(c, { kind: 'missed-heartbeat' }, killed.seq, false, detected.seq);
}

export function callPeriodOf(w: World, c: ComponentRuntime): Micros | undefined {
  return c.spec.monitor === undefined ? undefined : w.byName.get(c.spec.monitor)!.spec.callCheckEveryUs;
}

/** R3: the monitor calls each child; a hung child does not answer within the call timeout. */
export function onCall(w: World, c: ComponentRuntime, generation: number): void {
  if (generation !== c.generation || c.state !== 'hung' || w.systemIsStopping()) return;
  if (!monitorIsUp(w, c)) return w.engine.schedule(callPeriodOf(w, c)!, { k: 'call', c: c.index, generation });
  const timeoutUs = w.byName.get(c.spec.monitor!)!.spec.callTimeoutUs ?? w.scenario.system.callTimeoutUs;
  w.engine.schedule(timeoutUs, { k: 'call-timeout', c: c.index, generation: c.generation, cause: w.hungSince.get(c.index) ?? 0 });
}

export function onCallTimeout(w: World, c: ComponentRuntime, generation: number, cause: number): void {
  if (generation !== c.generation || c.state !== 'hung' || w.systemIsStopping()) return;
  if (!monitorIsUp(w, c)) return w.engine.schedule(callPeriodOf(w, c)!, { k: 'call', c: c.index, generation });
  const detected = w.emit({ type: 'detected', component: c.spec.name, by: monitorName(w, c), how: 'call-timeout', cause });
  const killed = w.emit({ type: 'killed', component: c.spec.name, reason: 'call timed out', cause: detected.seq });
  w.terminate(c, { kind: 'call-timeout' }, killed.seq, false, detected.seq);
}
