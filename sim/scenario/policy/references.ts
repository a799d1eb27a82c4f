import { ScenarioProblem } from '../errors.js';
import type { Scenario } from '../types.js';

/**
 * Checks the names a policy refers to (systemd BindsTo=/PartOf=/OnFailure=/OnSuccess=): each must
 * be another component of the scenario. Throws a ScenarioProblem pointing at
 * the field, for `../validate.ts` to call after resolving.
 */
export function checkPolicyReferences(scenario: Scenario): void {
  const names = new Set(scenario.components.map((c) => c.name));
  scenario.components.forEach((c, i) => {
    for (const [field, list] of [['binds_to', c.policy.bindsTo], ['part_of', c.policy.partOf], ['on_failure', c.policy.onFailure], ['on_success', c.policy.onSuccess]] as const) {
      (list ?? []).forEach((target, j) => {
        if (target === c.name) throw new ScenarioProblem(['components', i, field, j], `"${c.name}" cannot refer to itself`);
        if (!names.has(target)) throw new ScenarioProblem(['components', i, field, j], `no component named "${target}"`);
      });
    }
  });
}
