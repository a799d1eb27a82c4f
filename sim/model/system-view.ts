import type { SystemView } from '../policy/system-view.js';
import { ROOT_MONITOR } from './actors.js';
import type { SystemState } from './state.js';
import type { Topology } from './topology.js';

/**
 * The system as a recovery decision sees it, read from the current state and
 * the topology's precomputed relations: a decision costs what it looks at.
 * Built once per simulation over its state (a fork builds its own).
 * BindsTo=/PartOf= relations are the declared ones (a run-time override of a
 * policy keeps them).
 */
export function stateSystemView(state: SystemState, topo: Topology): SystemView {
  const names = (list: readonly number[]): string[] => list.map((i) => topo.specs[i]!.name);
  const at = (name: string): number | undefined => topo.index.get(name);
  const monitorName = (i: number): string => {
    const m = topo.monitorOf[i];
    return m === undefined ? ROOT_MONITOR : topo.specs[m]!.name;
  };
  return {
    get(name) {
      const i = at(name);
      if (i === undefined) return undefined;
      const spec = topo.specs[i]!;
      const component = state.components[i]!;
      return {
        name,
        state: component.life.state,
        monitor: monitorName(i),
        depends: spec.depends,
        ...(spec.requires ? { requires: spec.requires } : {}),
        ...(spec.requisite ? { requisite: spec.requisite } : {}),
        policy: component.policyOverride ?? spec.policy,
        history: component.history,
      };
    },
    order: (name) => at(name) ?? Infinity,
    dependentsOf: (name) => names(topo.dependents[at(name) ?? -1] ?? []),
    boundTo: (name) => names(topo.boundTo[at(name) ?? -1] ?? []),
    childrenOf: (name) => names((name === ROOT_MONITOR ? topo.rootChildren : topo.childrenOf[at(name) ?? -1]) ?? []),
  };
}
