import { isFailure } from '../../policy/termination.js';
import { ref, type Command } from '../commands.js';
import { planCoreFailure } from '../core-failure.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type Reactor } from '../reactor.js';
import { isAlive, systemIsStopping } from '../state.js';
import { stopOrder } from '../stop-order.js';
import { canBeStopped } from './dependencies.js';

/**
 * R8, the Redox RFC's open question: what a user service monitor does when a
 * core daemon fails (the plan itself is the pure `planCoreFailure`). What it
 * takes down waits for the failed daemon (or the restarted monitor) and then
 * starts again.
 */
export const onCoreFailure: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  if (fact.route !== 'own' || systemIsStopping(s) || !isFailure(fact.termination)) return NO_COMMANDS;
  const topo = ctx.topo;
  const failed = topo.specs[fact.c]!;
  const out: Command[] = [];
  for (const u of topo.userMonitors) {
    const monitor = topo.specs[u]!;
    if (s.components[u]!.life.state !== 'running' || u === fact.c || failed.monitor === monitor.name) continue;
    const aliveChildren = topo.childrenOf[u]!.filter((c) => isAlive(s.components[c]!.life.state)).map((c) => topo.specs[c]!.name);
    const plan = planCoreFailure({ strategy: monitor.onCoreFailure!, userMonitor: monitor.name, failed: failed.name, aliveChildren, nodes: topo.specs });
    if (!plan) continue;
    out.push({ do: 'emit', draft: { type: 'decision', component: failed.name, by: monitor.name, action: monitor.onCoreFailure!, reason: plan.summary }, cause: fact.seq });
    const decision = ref(out.length - 1);
    const reason = `${monitor.name}: ${monitor.onCoreFailure} after ${failed.name} failed`;
    const kill = (c: number, waitFor: string): Command => ({
      do: 'kill', c, reason, termination: { kind: 'signal', signal: 'kill' }, cause: decision, stop: { reason: 'dependency', waitFor: [waitFor] },
    });
    // The monitor goes first, so that its services wait for it rather than start again under the old instance.
    if (plan.restartMonitor) out.push(kill(u, failed.name));
    // Stopped gracefully, they save their work: dependents first, so that what they save to is still there.
    const graceful = plan.stopGracefully.map((name) => topo.index.get(name)!).filter((c) => canBeStopped(s, c));
    const ordered = topo.scenario.system.shutdownOrder === 'dependency';
    if (graceful.length > 0) out.push({ do: 'stop-group', members: stopOrder(topo, graceful, ordered), reason: 'dependency', cause: decision, waitFor: [failed.name] });
    for (const name of plan.kill) out.push(kill(topo.index.get(name)!, plan.restartMonitor ? monitor.name : failed.name));
  }
  return out;
};
