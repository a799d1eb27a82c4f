import type { Scenario } from './types.js';
import { findPreset, presetNames } from '../policy/presets/index.js';

/** The policy name that leaves a scenario's own policies as written. */
export const AS_WRITTEN = 'scenario';

/**
 * The same scenario with every component's policy replaced by a preset:
 * what `recsim compare` runs. Only which components are critical is kept
 * (`critical: true`, or Fuchsia's `on_terminate: reboot`, which under any
 * other preset becomes the preset's own notion of critical). Faults, the
 * system and everything else stay identical, so the fault schedules drawn
 * from the seed are the same under every preset. Pure: the input is not changed.
 */
export function withPreset(scenario: Scenario, name: string): Scenario {
  if (name === AS_WRITTEN) return scenario;
  const preset = findPreset(name);
  if (!preset) throw new Error(`unknown policy preset "${name}" (known: ${[AS_WRITTEN, ...presetNames].join(', ')})`);
  const keepOnTerminate = name === 'fuchsia-rfc0110';
  return {
    ...scenario,
    components: scenario.components.map((c) => ({
      ...c,
      policy: preset.build({ critical: c.policy.critical === true || c.onTerminate === 'reboot' }),
      onTerminate: keepOnTerminate ? c.onTerminate : 'none',
    })),
  };
}
