import type { RecoveryPolicy } from '../types.js';

/** What a preset may depend on besides its own numbers: whether the scenario marks the component critical. */
export interface PresetTraits {
  critical: boolean;
}

/**
 * A named recovery policy of a system people trust. Each lives in its own
 * module beside this one and is listed once in `index.ts`; the scenario
 * schema, `recsim compare` and the README's table are derived from that list.
 */
export interface Preset {
  name: string;
  /** One line: what it is. */
  summary: string;
  /** Where its numbers come from. */
  source: string;
  /** Whether `recsim compare` runs it when no `--policies` are named (one per family keeps the default table readable). */
  comparedByDefault: boolean;
  build(traits: PresetTraits): RecoveryPolicy;
}
