import { presetNames } from '../policy/presets/index.js';
import { AS_WRITTEN } from '../scenario/with-preset.js';
import type { Scenario } from '../scenario/types.js';
import { scenariosFor } from './campaign.js';

/** Every name a policy option accepts: the presets, and `scenario` for the file's own policies. */
export function policyNames(): string[] {
  return [AS_WRITTEN, ...presetNames];
}

/** Checks a policy name; the error says which names exist, for the CLI to place after its flag. */
export function checkPolicyName(name: string): { error: string } | null {
  return policyNames().includes(name) ? null : { error: `unknown policy "${name}" (known: ${policyNames().join(', ')})` };
}

/**
 * The scenario as one policy of a comparison runs it: every component's
 * policy replaced by the preset, expectations dropped (they were written for
 * the file's own policies). `scenario` leaves the file as it is.
 */
export function scenarioUnderPolicy(scenario: Scenario, name: string): Scenario {
  return name === AS_WRITTEN ? scenario : scenariosFor(scenario, [name])[0]!;
}
