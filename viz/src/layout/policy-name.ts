import type { TraceFile } from './trace-types.js';

/**
 * The policy a run ran under, named as a user asked for it: the preset that
 * `recsim run --policy` / `recsim compare` put on every component (each
 * component's `policy.preset` in the trace's resolved scenario), or, for a
 * scenario's own mix, the presets it uses and how many components use each.
 */
export function policyName(file: TraceFile): string {
  const components = (file.scenario as { components?: { policy?: { preset?: unknown } }[] } | null)?.components;
  if (!Array.isArray(components) || components.length === 0) return 'unknown policy';
  const counts = new Map<string, number>();
  for (const c of components) {
    const preset = c?.policy?.preset;
    const name = typeof preset === 'string' ? preset : 'own policy';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (counts.size === 1) {
    const [only] = counts.keys();
    return only === 'own policy' ? "the scenario's own policies" : only!;
  }
  const parts = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([name, n]) => `${name} ×${n}`);
  return `mixed: ${parts.join(', ')}`;
}
