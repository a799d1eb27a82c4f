import { componentIndex } from './component-index.js';
import type { ComponentSpec } from './types.js';

/**
 * What a start of `c` pulls in besides itself (systemd transaction.c,
 * transaction_add_job_and_dependencies(): for JOB_START and JOB_RESTART, a
 * start job for each UNIT_ATOM_PULL_IN_START and PULL_IN_START_IGNORED
 * dependency: Requires=, BindsTo=, Wants=). Requisite= only verifies, PartOf=
 * and After= pull nothing in.
 */
export function pulledInBy(c: ComponentSpec): string[] {
  const { requires, wants } = c;
  const bindsTo = c.policy.bindsTo;
  if (requires === undefined && bindsTo === undefined && wants === undefined) return [];
  return [...new Set([...(requires ?? []), ...(bindsTo ?? []), ...(wants ?? [])])];
}

/** The boot set of each resolved scenario's components (the model's topology and two invariants ask for it). */
const bootSets = new WeakMap<readonly ComponentSpec[], readonly boolean[]>();

/**
 * The components a boot starts: every one not marked `start: on-demand`, and
 * everything those need or pull in, transitively (systemd starts the default
 * target's transaction: the units it pulls in, nothing else). What a boot
 * component needs (`depends`, quorum members, its monitor) is pulled in too:
 * it could not start without them. A worklist, not recursion; computed once
 * per components array (see component-index.ts), so the result is read-only.
 */
export function bootSet(components: readonly ComponentSpec[]): readonly boolean[] {
  const known = bootSets.get(components);
  if (known !== undefined) return known;
  const index = componentIndex(components);
  const inSet = new Array<boolean>(components.length);
  const todo: number[] = [];
  for (let i = 0; i < components.length; i++) {
    inSet[i] = components[i]!.start !== 'on-demand';
    if (!inSet[i]) todo.push(i);
  }
  // Only what is not in the set yet can be pulled in: when every component starts at boot, nothing is left to walk.
  if (todo.length > 0) {
    todo.length = 0;
    for (let i = 0; i < components.length; i++) if (inSet[i]) todo.push(i);
  }
  const pull = (name: string): void => {
    const i = index.get(name);
    if (i !== undefined && !inSet[i]) {
      inSet[i] = true;
      todo.push(i);
    }
  };
  while (todo.length > 0) {
    const c = components[todo.pop()!]!;
    for (const name of c.depends) pull(name);
    for (const q of c.quorums ?? []) for (const name of q.of) pull(name);
    if (c.monitor !== undefined) pull(c.monitor);
    for (const name of pulledInBy(c)) pull(name);
  }
  bootSets.set(components, inSet);
  return inSet;
}
