import { isFailure } from '../policy/termination.js';
import type { Termination } from '../trace/records.js';
import { type ComponentRuntime, isAlive } from './component.js';
import { planCoreFailure } from './core-failure.js';
import type { World } from './world.js';

/**
 * R8, the Redox RFC's open question: what a user service monitor does when a
 * core daemon fails (the plan itself is the pure `planCoreFailure`).
 * Functions of the World, split out by concept.
 */
/** R8: a core daemon failed; each user monitor follows its strategy. */
export function notifyUserMonitors(w: World, failed: ComponentRuntime, termination: Termination, cause: number): void {
  if (!isFailure(termination)) return;
  for (const u of w.components) {
    if (!u.spec.onCoreFailure || u.state !== 'running' || u === failed || failed.spec.monitor === u.spec.name) continue;
    const aliveChildren = w.components.filter((c) => c.spec.monitor === u.spec.name && isAlive(c.state)).map((c) => c.spec.name);
    const plan = planCoreFailure({ strategy: u.spec.onCoreFailure, userMonitor: u.spec.name, failed: failed.spec.name, aliveChildren, nodes: w.scenario.components });
    if (!plan) continue;
    const decision = w.emit({ type: 'decision', component: failed.spec.name, by: u.spec.name, action: u.spec.onCoreFailure, reason: plan.summary, cause });
    // The monitor goes first, so that its services wait for it rather than start again under the old instance.
    const why = `${u.spec.name}: ${u.spec.onCoreFailure} after ${failed.spec.name} failed`;
    if (plan.restartMonitor) w.suspend(u, 'kill', [failed.spec.name], decision.seq, why);
    for (const name of plan.stopGracefully) w.suspend(w.byName.get(name)!, 'stop', [failed.spec.name], decision.seq, why);
    for (const name of plan.kill) w.suspend(w.byName.get(name)!, 'kill', [plan.restartMonitor ? u.spec.name : failed.spec.name], decision.seq, why);
  }
}
