import { bootSet, pulledInBy } from '../scenario/boot-set.js';
import { componentIndex } from '../scenario/component-index.js';
import type { ComponentKind, ComponentSpec, Scenario } from '../scenario/types.js';
import { savePath } from './save-path.js';
import { startsAfterOf } from './start-in-turn.js';
import { shutdownGraph } from './shutdown-graph.js';
import { IndexLists, NO_POSITIONS } from './index-lists.js';
import { DependencyClosure } from './dependency-closure.js';

/** Kinds that supervise children: they outlive them at shutdown and start them (children wait for them). */
const MONITOR_KINDS: ReadonlySet<ComponentKind> = new Set(['monitor', 'component-manager', 'supervisor']);

/**
 * What never changes during a run, derived once from the scenario: indices
 * and the relations between components. Every per-event lookup goes through
 * these lists, so no event scans all components (boot is linear).
 */
export interface Topology {
  readonly scenario: Scenario;
  readonly specs: readonly ComponentSpec[];
  readonly index: ReadonlyMap<string, number>;
  readonly dependsOn: readonly (readonly number[])[];
  readonly dependents: readonly (readonly number[])[];
  /** Quorum dependencies (`depends: { quorum: k, of: [...] }`): k of the members must run. */
  readonly quorumsOf: readonly (readonly { readonly k: number; readonly of: readonly number[] }[])[];
  /** The components with a quorum over this one (each once). */
  readonly quorumDependents: readonly (readonly number[])[];
  /** The monitor's index, or undefined for children of init. */
  readonly monitorOf: readonly (number | undefined)[];
  /** A monitor's children, in declaration (start) order. */
  readonly childrenOf: readonly (readonly number[])[];
  /** The children of init (components that name no monitor), in declaration order. */
  readonly rootChildren: readonly number[];
  /**
   * systemd: the components a stop or restart job of this one propagates to:
   * BindsTo=, PartOf= (policy fields), Requires= and Requisite= on this one.
   */
  readonly boundTo: readonly (readonly number[])[];
  /** systemd After=: what this one's start waits for while it is being started (ordering only). */
  readonly afterOf: readonly (readonly number[])[];
  /** systemd Requires=, BindsTo=, Wants=: what a start (or restart) of this one starts too. */
  readonly pullsIn: readonly (readonly number[])[];
  /** systemd Requisite=: what must be active (or activating) for this one to start. */
  readonly requisiteOf: readonly (readonly number[])[];
  /**
   * systemd job_fail_dependencies() (start-failure.ts): the units that Requires= or BindsTo= this one and
   * are ordered After= it, whose start jobs fail when its start job fails.
   */
  readonly startsFailingWith: readonly (readonly number[])[];
  /** Some component has an `after` or a `requisite` edge (waits on them are re-examined when a start job ends). */
  readonly hasOrderingOrRequisite: boolean;
  /** Started at boot (sim/scenario/boot-set.ts); the others (`start: on-demand`, not pulled in) wait for a start. */
  readonly atBoot: readonly boolean[];
  /** The components not started at boot, in declaration order. */
  readonly notAtBoot: readonly number[];
  /** F10: the supervisors that receive this component's Started/Stopped events. */
  readonly supervisorsOf: readonly (readonly number[])[];
  /** F2: children of this component's transient collections. */
  readonly transientChildrenOf: readonly (readonly number[])[];
  /** R8: user monitors (components with `on_core_failure`), in declaration order. */
  readonly userMonitors: readonly number[];
  readonly powerManager?: number;
  readonly isMonitor: readonly boolean[];
  /**
   * F8/R5: for each component, those that must finish stopping before it is
   * asked to (`mustStopFirst`), and the reverse (`stopsBefore`).
   */
  readonly shutdown: { readonly mustStopFirst: readonly number[]; readonly stopsBefore: readonly (readonly number[])[] };
  /**
   * R4: a start order in which every component comes after its dependencies
   * and its monitor, otherwise in declaration order: what starts together
   * (a group restart) is started in this order.
   */
  readonly startRank: readonly number[];
  /**
   * OTP: the sibling whose start must return before this
   * child's start begins, when its supervisor is an OTP one (start-in-turn.ts).
   */
  readonly startsAfter: readonly (number | undefined)[];
  /** R8: what a graceful save of each component needs up (save-path.ts); empty without dirty data. */
  readonly savePath: readonly (readonly number[])[];
  /** What each component depends on, directly or through others, computed on first use (dependency-closure.ts). */
  readonly dependencyClosure: DependencyClosure;
}

/** The parts joined without repeats, in first-seen order: the shared empty list when all are empty, the part itself when it alone holds one position. */
function union(...parts: (readonly number[])[]): readonly number[] {
  const given = parts.filter((p) => p.length > 0);
  if (given.length === 0) return NO_POSITIONS;
  if (given.length === 1 && given[0]!.length === 1) return given[0]!;
  return [...new Set(given.flat())];
}

export function buildTopology(scenario: Scenario): Topology {
  const specs = scenario.components;
  const n = specs.length;
  const index = componentIndex(specs);
  const at = (name: string): number => index.get(name)!;
  const shared = new IndexLists(n);
  const lists = (count: number): (readonly number[])[] => shared.lists(count);
  const add = (to: (readonly number[])[], i: number, p: number): void => shared.add(to, i, p);
  const positions = (names: readonly string[] | undefined): readonly number[] => shared.positions(names, at);
  const dependsOn = specs.map((c) => positions(c.depends));
  const dependents = shared.reverse(dependsOn);
  const quorumsOf = specs.map((c) => (c.quorums === undefined || c.quorums.length === 0 ? (NO_POSITIONS as never[]) : c.quorums.map((q) => ({ k: q.k, of: q.of.map(at) }))));
  const quorumDependents = lists(n);
  quorumsOf.forEach((qs, i) => qs.length > 0 && new Set(qs.flatMap((q) => q.of)).forEach((m) => add(quorumDependents, m, i)));
  // Ordering (start rank, shutdown): a quorum member comes before its dependent like any dependency.
  // systemd After= orders too (and is reversed at shutdown, systemd.unit(5)), without being a need.
  const afterOf = specs.map((c) => positions(c.after));
  // Most components have neither: their needs are their dependencies, with no list made.
  const needs = dependsOn.map((deps, i) => (quorumsOf[i]!.length === 0 && afterOf[i]!.length === 0 ? deps : union(deps, ...quorumsOf[i]!.map((q) => q.of), afterOf[i]!)));
  const orderDependents = shared.reverse(needs);
  const monitorOf = specs.map((c) => (c.monitor === undefined ? undefined : at(c.monitor)));
  const childrenOf = lists(n);
  monitorOf.forEach((m, i) => m !== undefined && add(childrenOf, m, i));
  const supervisorsOf = lists(n);
  specs.forEach((s, i) => s.supervises.forEach((name) => add(supervisorsOf, at(name), i)));
  const boundTo = lists(n);
  specs.forEach((c, i) => {
    const { requires, requisite } = c;
    const { bindsTo, partOf } = c.policy;
    if (bindsTo === undefined && partOf === undefined && requires === undefined && requisite === undefined) return;
    const names = new Set([...(bindsTo ?? []), ...(partOf ?? []), ...(requires ?? []), ...(requisite ?? [])]);
    for (const name of names) add(boundTo, at(name), i);
  });
  const startsFailingWith = lists(n);
  specs.forEach((c, w) => {
    for (const a of afterOf[w]!) {
      const name = specs[a]!.name;
      if ((c.requires?.includes(name) ?? false) || (c.policy.bindsTo?.includes(name) ?? false)) add(startsFailingWith, a, w);
    }
  });
  const transientChildrenOf = lists(n);
  specs.forEach((c, i) => c.collection?.durability === 'transient' && add(transientChildrenOf, at(c.collection.parent), i));
  const atBoot = bootSet(specs);
  const powerIndex = specs.findIndex((c) => c.kind === 'power-manager');
  const powerManager = powerIndex < 0 ? undefined : powerIndex;
  const relation = <T extends readonly unknown[]>(lists: T[]): readonly T[] => shared.relation(lists);
  const dependsOnRelation = relation(dependsOn);
  const topo: Topology = {
    scenario,
    specs,
    index,
    dependsOn: dependsOnRelation,
    dependents: relation(dependents),
    quorumsOf: relation(quorumsOf),
    quorumDependents: relation(quorumDependents),
    monitorOf,
    childrenOf: relation(childrenOf),
    rootChildren: indicesWhere(n, (i) => specs[i]!.monitor === undefined),
    boundTo: relation(boundTo),
    afterOf: relation(afterOf),
    pullsIn: relation(specs.map((c) => positions(pulledInBy(c)))),
    requisiteOf: relation(specs.map((c) => positions(c.requisite))),
    startsFailingWith: relation(startsFailingWith),
    hasOrderingOrRequisite: specs.some((c) => (c.after?.length ?? 0) > 0 || (c.requisite?.length ?? 0) > 0),
    atBoot,
    notAtBoot: indicesWhere(n, (i) => !atBoot[i]),
    supervisorsOf: relation(supervisorsOf),
    transientChildrenOf: relation(transientChildrenOf),
    userMonitors: indicesWhere(n, (i) => specs[i]!.onCoreFailure !== undefined),
    powerManager,
    isMonitor: specs.map((c) => MONITOR_KINDS.has(c.kind)),
    shutdown: shutdownGraph(scenario, orderDependents, childrenOf, powerManager, shared),
    startRank: startRanks(needs, monitorOf),
    savePath: relation(specs.map((c, i) => (c.dirtyData ? shared.shared(savePath(specs, index, dependsOn, i)) : NO_POSITIONS))),
    startsAfter: startsAfterOf(specs, monitorOf, childrenOf),
    dependencyClosure: new DependencyClosure(dependsOnRelation),
  };
  return topo;
}

/** The indices below `n` for which `holds` is true, in order. */
function indicesWhere(n: number, holds: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (holds(i)) out.push(i);
  return out;
}

/**
 * Ranks in a depth-first post-order over "needs" (dependencies, then the
 * monitor), visiting components in declaration order. Iterative, so a long
 * chain costs no stack; the graph is acyclic (F12 rejects cycles at load).
 */
function startRanks(dependsOn: readonly (readonly number[])[], monitorOf: readonly (number | undefined)[]): number[] {
  const n = dependsOn.length;
  const rank = new Array<number>(n).fill(-1);
  const entered = new Array<boolean>(n).fill(false);
  // The needs of c are dependsOn[c], then its monitor: the k-th of them, or undefined past the last.
  const need = (c: number, k: number): number | undefined => {
    const deps = dependsOn[c]!;
    return k < deps.length ? deps[k] : k === deps.length ? monitorOf[c] : undefined;
  };
  // Two parallel stacks (component, next need to try): no object per component.
  const stackC: number[] = [];
  const stackK: number[] = [];
  let next = 0;
  for (let root = 0; root < n; root++) {
    if (rank[root]! >= 0) continue;
    stackC.push(root);
    stackK.push(0);
    entered[root] = true;
    while (stackC.length > 0) {
      const top = stackC.length - 1;
      const c = stackC[top]!;
      const k = stackK[top]!;
      const deps = dependsOn[c]!;
      if (k < deps.length || (k === deps.length && monitorOf[c] !== undefined)) {
        stackK[top] = k + 1;
        const d = need(c, k)!;
        if (!entered[d]) {
          entered[d] = true;
          stackC.push(d);
          stackK.push(0);
        }
        continue;
      }
      rank[c] = next++;
      stackC.pop();
      stackK.pop();
    }
  }
  return rank;
}
