import type { ComponentSpec } from './types.js';

/**
 * What a start of `c` pulls in besides itself (systemd transaction.c,
 * transaction_add_job_and_dependencies(): for JOB_START and JOB_RESTART, a
 * start job for each UNIT_ATOM_PULL_IN_START and PULL_IN_START_IGNORED
 * dependency: Requires=, BindsTo=, Wants=). Requisite= only verifies, PartOf=
 * and After= pull nothing in.
 */
export function pulledInBy(c: ComponentSpec): string[] {
  return [...new Set([...(c.requires ?? []), ...(c.policy.bindsTo ?? []), ...(c.wants ?? [])])];
}

/**
 * The components a boot starts: every one not marked `start: on-demand`, and
 * everything those need or pull in, transitively (systemd starts the default
 * target's transaction: the units it pulls in, nothing else). What a boot
 * component needs (`depends`, quorum members, its monitor) is pulled in too:
 * it could not start without them. A worklist, not recursion.
 */
export function bootSet(components: readonly ComponentSpec[]): boolean[] {
  const index = new Map(components.map((c, i) => [c.name, i]));
  const inSet = components.map((c) => c.start !== 'on-demand');
  const todo = inSet.flatMap((b, i) => (b ? [i] : []));
  while (todo.length > 0) {
    const c = components[todo.pop()!]!;
    const needs = [...c.depends, ...(c.quorums ?? []).flatMap((q) => q.of), ...(c.monitor !== undefined ? [c.monitor] : []), ...pulledInBy(c)];
    for (const name of needs) {
      const i = index.get(name);
      if (i !== undefined && !inSet[i]) {
        inSet[i] = true;
        todo.push(i);
      }
    }
  }
  return inSet;
}
