import { ScenarioProblem } from '../format/errors.js';
import type { Scenario } from './types.js';
import { componentIndex } from './component-index.js';

/**
 * Checks the names a policy refers to (systemd BindsTo=/PartOf=/OnFailure=/OnSuccess=): each must
 * be another component of the scenario. Throws a ScenarioProblem pointing at
 * the field, for `../validate.ts` to call after resolving.
 */
export function checkPolicyReferences(scenario: Scenario): void {
  // Most policies refer to nothing (and are one shared object): the names are looked up only when one does.
  let names: ReadonlyMap<string, number> | undefined;
  scenario.components.forEach((c, i) => {
    const p = c.policy;
    if (!p.bindsTo && !p.partOf && !p.onFailure && !p.onSuccess) return;
    names ??= componentIndex(scenario.components);
    for (const [field, list] of [['binds_to', p.bindsTo], ['part_of', p.partOf], ['on_failure', p.onFailure], ['on_success', p.onSuccess]] as const) {
      (list ?? []).forEach((target, j) => {
        if (target === c.name) throw new ScenarioProblem(['components', i, field, j], `"${c.name}" cannot refer to itself`);
        if (!names!.has(target)) throw new ScenarioProblem(['components', i, field, j], `no component named "${target}"`);
      });
    }
  });
}
