import type { Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type Reactor, type StateView } from '../reactor.js';
import { quorumsMet } from '../readiness.js';
import { queuedProviders, stopOrder, storagePath } from '../stop-order.js';
import { isAlive, stopOf } from '../state.js';
import type { Topology } from '../topology.js';

/**
 * R4, "`depends` is one-way: when a dependency stops its dependents stop ...
 * This is the Redox monitors' default behaviour": whether a dependent is
 * taken down is its supervisor's semantics. A Redox service monitor (a
 * component of kind `monitor`) stops it; init, the component manager and
 * supervisors (Fuchsia, OTP) leave it running (systemd's BindsTo=/PartOf=
 * are policy fields, handled by the policy). `system.on_dependency_stop`,
 * when written, decides for every component.
 */
export function stopsWithDependency(topo: Topology, d: number): boolean {
  const mode = topo.scenario.system.onDependencyStop;
  if (mode !== 'by-monitor') return mode === 'stop-dependents';
  const m = topo.monitorOf[d];
  return m !== undefined && topo.specs[m]!.kind === 'monitor';
}

/** Alive, and neither stopping nor already queued to stop: it can join a group stop. */
export function canBeStopped(s: StateView, c: number): boolean {
  const component = s.components[c]!;
  const life = component.life;
  return isAlive(life.state) && life.state !== 'stopping' && stopOf(life) === undefined && component.queuedStop === undefined;
}

/**
 * R4: a component that stops takes down what depends on it (as each one's
 * supervisor says), and what depends on those, all at once as one group
 * stopped dependents first (R5's order: a service stops only after everything
 * that depends on it); they start again once what they need is back.
 */
export const stopDependents: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  if (fact.route !== 'own' && fact.route !== 'dependency') return NO_COMMANDS;
  const topo = ctx.topo;
  // Nothing depends on it, by `depends` or by a quorum: nothing to take down (no set, no lists built per termination).
  if (topo.dependents[fact.c]!.length === 0 && topo.quorumDependents[fact.c]!.length === 0) return NO_COMMANDS;
  // None of its direct dependents goes down with it (they are down already, stopping, or their
  // supervisor keeps them) and no quorum: the walk below would take nothing down, since it goes on
  // only through members. So it is not begun (a dependent's own end, taken down, lands here).
  if (topo.quorumDependents[fact.c]!.length === 0 && !anyGoesDown(s, topo, topo.dependents[fact.c]!)) return NO_COMMANDS;
  const members: number[] = [];
  // Added to, not built from a list: a set made from an iterable takes the slow path.
  const seen = new Set<number>();
  seen.add(fact.c);
  const work = [fact.c];
  const takeDown = (d: number): void => {
    if (seen.has(d)) return;
    seen.add(d);
    if (!stopsWithDependency(topo, d) || !canBeStopped(s, d)) return;
    members.push(d);
    work.push(d);
  };
  for (let head = 0; head < work.length; head++) {
    const x = work[head]!;
    const dependents = topo.dependents[x]!;
    for (let i = 0; i < dependents.length; i++) takeDown(dependents[i]!);
    if (topo.quorumDependents[x]!.length > 0) for (const d of quorumLostBy(s, topo, x)) takeDown(d);
  }
  if (members.length === 0) return NO_COMMANDS;
  // In component order; most often one member, or already in order (a chain found breadth first): no sort then.
  if (!isAscending(members)) members.sort((a, b) => a - b);
  const ordered = topo.scenario.system.shutdownOrder === 'dependency';
  // One termination, one restart (R8): each member waits for the component whose
  // end took it down (and for what that one waits for), not only for its own dependencies, which may
  // still be running, queued to stop after it: resuming on them would start it again while the
  // failed daemon is down, to be stopped a second time and restarted twice.
  // A member taken down by a lost quorum waits for the quorum (any k members), not for this one.
  const viaDepends = members.every((m) => storagePath(topo, m).includes(fact.c));
  // Nothing it waited for itself (almost always): the list is its name alone, with no set built.
  const waitFor = fact.waitFor.length === 0 ? (viaDepends ? [topo.specs[fact.c]!.name] : []) : [...new Set([...fact.waitFor, ...(viaDepends ? [topo.specs[fact.c]!.name] : [])])];
  return [{ do: 'stop-group', members: stopOrder(topo, members, ordered), reason: 'dependency', cause: fact.seq, waitFor }];
};

/** Whether any of `dependents` is taken down with its dependency now (a loop, not `some` with a closure: it runs at every end). */
function anyGoesDown(s: StateView, topo: Topology, dependents: readonly number[]): boolean {
  for (let i = 0; i < dependents.length; i++) if (stopsWithDependency(topo, dependents[i]!) && canBeStopped(s, dependents[i]!)) return true;
  return false;
}

function isAscending(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return false;
  return true;
}

/**
 * Quorum dependencies: the components with a quorum over `c` that `c`'s end
 * leaves short of k members up. Losing a quorum is treated like losing a
 * dependency (R4): the dependent follows the same rule (`stopsWithDependency`)
 * and resumes once the quorum is back. A member that ends while the quorum
 * still holds takes nothing down. (The anchor, raft, keeps its processes
 * running without a quorum and stops serving: etcd-io/raft raft.go
 * `stepLeader`, MsgCheckQuorum: "stepped down to follower since quorum is not
 * active"; a service above such a group cannot do its work, which is R4's
 * case.)
 */
function quorumLostBy(s: StateView, topo: Topology, c: number): number[] {
  return topo.quorumDependents[c]!.filter((q) => !quorumsMet(s, topo, q));
}

/** A member of a group stop has ended: what it depended on in the group is one step nearer its turn. */
export const advanceStopGroup: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  const group = s.components[fact.c]!.stopGroup;
  if (group === undefined) return NO_COMMANDS;
  // Members stopped in turn (OTP terminate_children) wait for the one before them, not for their dependents.
  // Those are siblings (one supervisor's children: monitor.ts `inTurn`; the writer's group stop refuses any
  // other), so only this one's siblings are looked at, in component order (a scan of every component was
  // most of the cost of a member's end).
  const out: Command[] = [{ do: 'leave-stop-group', c: fact.c }];
  const components = s.components;
  const topo = ctx.topo;
  const monitor = topo.monitorOf[fact.c];
  const siblings = monitor === undefined ? topo.rootChildren : topo.childrenOf[monitor]!;
  for (let k = 0; k < siblings.length; k++) {
    const i = siblings[k]!;
    const x = components[i]!;
    if (x.stopGroup === group && x.queuedStop?.after === fact.c) out.push({ do: 'stop-group-tick', c: i, group });
  }
  for (const p of queuedProviders(s, topo, fact.c, group)) {
    if (components[p]!.queuedStop?.after === undefined) out.push({ do: 'stop-group-tick', c: p, group });
  }
  return out;
};
