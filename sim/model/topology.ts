import { bootSet, pulledInBy } from '../scenario/boot-set.js';
import type { ComponentKind, ComponentSpec, Scenario } from '../scenario/types.js';
import { savePath } from './save-path.js';
import { startsAfterOf } from './start-in-turn.js';
import { shutdownGraph } from './shutdown-graph.js';

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
}

function lists(n: number): number[][] {
  return Array.from({ length: n }, () => []);
}

export function buildTopology(scenario: Scenario): Topology {
  const specs = scenario.components;
  const n = specs.length;
  const index = new Map(specs.map((c, i) => [c.name, i]));
  const at = (name: string): number => index.get(name)!;
  const dependsOn = specs.map((c) => c.depends.map(at));
  const dependents = lists(n);
  dependsOn.forEach((deps, i) => deps.forEach((d) => dependents[d]!.push(i)));
  const quorumsOf = specs.map((c) => (c.quorums ?? []).map((q) => ({ k: q.k, of: q.of.map(at) })));
  const quorumDependents = lists(n);
  quorumsOf.forEach((qs, i) => new Set(qs.flatMap((q) => q.of)).forEach((m) => quorumDependents[m]!.push(i)));
  // Ordering (start rank, shutdown): a quorum member comes before its dependent like any dependency.
  // systemd After= orders too (and is reversed at shutdown, systemd.unit(5)), without being a need.
  const afterOf = specs.map((c) => (c.after ?? []).map(at));
  const needs = dependsOn.map((deps, i) => [...new Set([...deps, ...quorumsOf[i]!.flatMap((q) => q.of), ...afterOf[i]!])]);
  const orderDependents = lists(n);
  needs.forEach((deps, i) => deps.forEach((d) => orderDependents[d]!.push(i)));
  const monitorOf = specs.map((c) => (c.monitor === undefined ? undefined : at(c.monitor)));
  const childrenOf = lists(n);
  monitorOf.forEach((m, i) => m !== undefined && childrenOf[m]!.push(i));
  const supervisorsOf = lists(n);
  specs.forEach((s, i) => s.supervises.forEach((name) => supervisorsOf[at(name)]!.push(i)));
  const boundTo = lists(n);
  specs.forEach((c, i) => {
    const names = new Set([...(c.policy.bindsTo ?? []), ...(c.policy.partOf ?? []), ...(c.requires ?? []), ...(c.requisite ?? [])]);
    for (const name of names) boundTo[at(name)]!.push(i);
  });
  const transientChildrenOf = lists(n);
  specs.forEach((c, i) => c.collection?.durability === 'transient' && transientChildrenOf[at(c.collection.parent)]!.push(i));
  const atBoot = bootSet(specs);
  const powerIndex = specs.findIndex((c) => c.kind === 'power-manager');
  const powerManager = powerIndex < 0 ? undefined : powerIndex;
  const savePaths: number[][] = [];
  const topo: Topology = {
    scenario,
    specs,
    index,
    dependsOn,
    dependents,
    quorumsOf,
    quorumDependents,
    monitorOf,
    childrenOf,
    rootChildren: specs.flatMap((c, i) => (c.monitor === undefined ? [i] : [])),
    boundTo,
    afterOf,
    pullsIn: specs.map((c) => pulledInBy(c).map(at)),
    requisiteOf: specs.map((c) => (c.requisite ?? []).map(at)),
    hasOrderingOrRequisite: specs.some((c) => (c.after?.length ?? 0) > 0 || (c.requisite?.length ?? 0) > 0),
    atBoot,
    notAtBoot: atBoot.flatMap((b, i) => (b ? [] : [i])),
    supervisorsOf,
    transientChildrenOf,
    userMonitors: specs.flatMap((c, i) => (c.onCoreFailure ? [i] : [])),
    powerManager,
    isMonitor: specs.map((c) => MONITOR_KINDS.has(c.kind)),
    shutdown: shutdownGraph(scenario, orderDependents, childrenOf, powerManager),
    startRank: startRanks(needs, monitorOf),
    savePath: savePaths,
    startsAfter: startsAfterOf(specs, monitorOf, childrenOf),
  };
  specs.forEach((c, i) => savePaths.push(c.dirtyData ? savePath(specs, index, dependsOn, i) : []));
  return topo;
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
  const needs = (c: number): number[] => (monitorOf[c] === undefined ? [...dependsOn[c]!] : [...dependsOn[c]!, monitorOf[c]!]);
  let next = 0;
  for (let root = 0; root < n; root++) {
    if (rank[root]! >= 0) continue;
    const stack: { c: number; i: number; needs: number[] }[] = [{ c: root, i: 0, needs: needs(root) }];
    entered[root] = true;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i < top.needs.length) {
        const d = top.needs[top.i++]!;
        if (!entered[d]) {
          entered[d] = true;
          stack.push({ c: d, i: 0, needs: needs(d) });
        }
        continue;
      }
      rank[top.c] = next++;
      stack.pop();
    }
  }
  return rank;
}
