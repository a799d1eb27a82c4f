import type { StateView } from './reactor.js';
import { isAlive, stopOf } from './state.js';
import type { Topology } from './topology.js';
import { NO_POSITIONS } from './index-lists.js';

/**
 * Up, for what depends on it: running and, with a readiness probe, ready
 * (Kubernetes: a container that fails its readiness probe is not ready and
 * gets no traffic; pod-lifecycle "Container probes", readinessProbe).
 */
export function isUp(state: StateView, topo: Topology, c: number): boolean {
  const component = state.components[c]!;
  if (component.life.state !== 'running') return false;
  if (topo.specs[c]!.probes?.readiness === undefined) return true;
  return component.probe?.ready === true && component.probe.generation === component.generation;
}

/** How many members of a quorum are up. */
export function quorumUp(state: StateView, topo: Topology, of: readonly number[]): number {
  let up = 0;
  for (const m of of) if (isUp(state, topo, m)) up++;
  return up;
}

/** Whether every quorum of `c` has k members up. */
export function quorumsMet(state: StateView, topo: Topology, c: number): boolean {
  return topo.quorumsOf[c]!.every((q) => quorumUp(state, topo, q.of) >= q.k);
}

/**
 * R4: what a component still waits for before it may start: its
 * dependencies (up: running, and ready when they have a readiness probe),
 * the members of a quorum short of k, its monitor (a monitor starts its own
 * children) and any component a strategy named (R8), each until it runs.
 * Indices, dependencies first, without repeats.
 */
export function missingFor(state: StateView, topo: Topology, c: number, waitFor: readonly string[]): readonly number[] {
  // Made on the first missing one: most starts miss nothing, or one dependency (a boot of 10^6 components asks 10^6 times).
  // Indexed loops: the lists are mostly the topology's shared empty ones (frozen), and an iterator over them cost more than the rest.
  let missing: number[] | undefined;
  const deps = topo.dependsOn[c]!;
  for (let i = 0; i < deps.length; i++) if (!isUp(state, topo, deps[i]!)) missing = withMissing(missing, deps[i]!);
  // systemd After=: waits only for a start under way (Requisite= too: it is refused, not kept waiting, when none is).
  const after = topo.afterOf[c]!;
  for (let i = 0; i < after.length; i++) if (isBeingStarted(state, topo, after[i]!)) missing = withMissing(missing, after[i]!);
  const requisites = topo.requisiteOf[c]!;
  for (let i = 0; i < requisites.length; i++) if (!isUp(state, topo, requisites[i]!)) missing = withMissing(missing, requisites[i]!);
  const quorums = topo.quorumsOf[c]!;
  for (let i = 0; i < quorums.length; i++) {
    const q = quorums[i]!;
    if (quorumUp(state, topo, q.of) < q.k) for (const m of q.of) if (!isUp(state, topo, m)) missing = withMissing(missing, m);
  }
  for (let i = 0; i < waitFor.length; i++) {
    const m = topo.index.get(waitFor[i]!)!;
    if (state.components[m]!.life.state !== 'running') missing = withMissing(missing, m);
  }
  const monitor = topo.monitorOf[c];
  if (monitor !== undefined && state.components[monitor]!.life.state !== 'running') missing = withMissing(missing, monitor);
  return missing ?? NO_POSITIONS;
}

/** `missing` with `m` added once (a new list for the first). */
function withMissing(missing: number[] | undefined, m: number): number[] {
  if (missing === undefined) return [m];
  if (!missing.includes(m)) missing.push(m);
  return missing;
}

/**
 * The components a waiting start registers on: the first missing one, and
 * every missing member of a short quorum (any of them coming up may be the
 * one that completes it).
 */
export function waitTargets(topo: Topology, c: number, missing: readonly number[]): readonly number[] {
  const quorums = topo.quorumsOf[c]!;
  // Without quorums, the first missing one alone (shared, topology's lists: no list made per wait).
  if (quorums.length === 0) return missing.length === 0 ? NO_POSITIONS : missing.length === 1 ? missing : [missing[0]!];
  const out = missing.length > 0 ? [missing[0]!] : [];
  for (const q of quorums) for (const m of q.of) if (missing.includes(m) && !out.includes(m)) out.push(m);
  return out;
}

/**
 * systemd After=: a start job of `c` is under way, so what is ordered after it
 * waits (job ordering applies between jobs only: a unit with no job orders
 * nothing). Starting; waiting to start and not refused; or, while a boot is
 * under way, a boot component not yet asked to start (the boot's requests are
 * made one after another in one instant: the boot transaction holds them all).
 */
export function isBeingStarted(state: StateView, topo: Topology, c: number): boolean {
  const component = state.components[c]!;
  const life = component.life;
  if (life.state === 'starting') return true;
  if (life.state !== 'stopped') return false;
  if (life.pending !== undefined) return life.pending.refused !== true;
  // A boot component not started yet is, while the boot lasts: its start job is queued (unless that job failed and is gone).
  return state.power === 'booting' && topo.atBoot[c]! && component.history.startsUs.length === 0 && component.startJobDropped !== true;
}

/** systemd Requisite=: those `c` requires active that are neither active nor being started: its start is refused. */
export function requisiteMissing(state: StateView, topo: Topology, c: number): readonly number[] {
  const requisites = topo.requisiteOf[c]!;
  if (requisites.length === 0) return NO_POSITIONS;
  return requisites.filter((d) => !isUp(state, topo, d) && state.components[d]!.life.state !== 'running' && !isBeingStarted(state, topo, d));
}

/** Starting, or waiting to start: it will run without anyone deciding anything more. */
export function isOnItsWay(state: StateView, c: number): boolean {
  const life = state.components[c]!.life;
  return life.state === 'starting' || (life.state === 'stopped' && life.pending !== undefined);
}

/**
 * On its way, a restart of it scheduled, or stopping to come back (a group
 * strategy's stop, restarted with its group; a dependency's, resumed with
 * it): something will bring it back. Otherwise it is left down (failed,
 * destroyed, or stopped by a decision not to restart it) or refused itself,
 * and whoever waits for it is told (R4).
 */
export function willComeBack(state: StateView, c: number): boolean {
  const component = state.components[c]!;
  const life = component.life;
  if (life.state === 'stopped' && life.pending?.refused) return false; // blocked itself: its refusal names why
  const reason = stopOf(life)?.reason;
  // A unit stopped by a binding or an operator comes back only when the job is a restart (a try-restart, systemctl restart).
  const restarting = component.restartScheduled === true || component.restartBatch !== undefined;
  return isOnItsWay(state, c) || (life.state === 'stopped' && component.restartScheduled === true) || reason === 'policy' || reason === 'dependency' || ((reason === 'binding' || reason === 'operator') && restarting);
}

/**
 * What a refusal names: the missing components, except the members of a
 * quorum that can still be met by members up, alive or coming back (a
 * quorum of 2 of 3 with one member failed is not a reason to refuse), and
 * a provider that runs but is not ready yet (Kubernetes readiness).
 */
export function blockingFor(state: StateView, topo: Topology, c: number, missing: readonly number[]): number[] {
  const quorums = topo.quorumsOf[c]!;
  if (quorums.length === 0) return missing.filter((m) => state.components[m]!.life.state !== 'running');
  const excused = new Set<number>();
  for (const q of quorums) {
    const reachable = q.of.filter((m) => isUp(state, topo, m) || isAlive(state.components[m]!.life.state) || willComeBack(state, m)).length;
    if (reachable >= q.k) for (const m of q.of) excused.add(m);
  }
  // A dependency that runs and is not yet ready is on its way up (its readiness probe decides): nothing to refuse.
  return missing.filter((m) => (!excused.has(m) || topo.dependsOn[c]!.includes(m)) && state.components[m]!.life.state !== 'running');
}
