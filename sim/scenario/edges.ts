import { z } from 'zod';
import type { FieldPath } from '../format/errors.js';

/**
 * Ordering is not requirement (systemd.unit(5): "Requirement dependencies do
 * not influence the order in which services are started or stopped"). Beside
 * `depends` (R4: needs it running, started after it, stopped before it, the
 * Redox/Fuchsia meaning, unchanged), a component can say each half on its own,
 * with systemd's words:
 *
 * - `after: [x]` (After=; Before= is written as `after` on the other unit):
 *   ordering only. Its start waits for x while x is being started (x starting,
 *   or waiting to start, in the same boot or job set); x stopped and not being
 *   started is no reason to wait. Reversed at shutdown.
 * - `requires: [x]` (Requires=): starting it starts x too (UNIT_ATOM_PULL_IN_START);
 *   a stop or restart job of x propagates to it (RequiredBy= carries
 *   UNIT_ATOM_PROPAGATE_STOP | UNIT_ATOM_PROPAGATE_RESTART); x ending on its own
 *   (a crash) does not stop it (no RETROACTIVE_STOP_ON_STOP).
 * - `wants: [x]` (Wants=): starting it starts x too (PULL_IN_START_IGNORED); nothing propagates.
 * - `requisite: [x]` (Requisite=): does not start x (PULL_IN_VERIFY): its start is
 *   refused unless x is active (or activating); stop and restart propagate as for Requires=.
 * - `binds_to`, `part_of` (policy fields): BindsTo= also pulls x in on start.
 * src/core/unit-dependency-atom.c (atom_map) is the table these follow.
 *
 * `start: on-demand`: not started at boot unless a unit started at boot pulls it in
 * (systemd starts only the default target's transaction): it waits for an operator's
 * start, OnFailure=, or a pull from a unit being started.
 */

const name = z.string({ error: 'expected a component name' }).min(1, { error: 'a name cannot be empty' });

const names = (what: string) => z.array(name).optional().describe(what);

export const edgesComponentShape = {
  after: names('systemd After=: ordering only. Its start waits for these while they are being started; nothing more (not a requirement). Reversed at shutdown.'),
  requires: names('systemd Requires=: starting this starts these too; their stop or restart jobs stop or restart this one (a crash of theirs does not). No ordering: add `after`.'),
  wants: names('systemd Wants=: starting this starts these too; nothing else. No ordering: add `after`.'),
  requisite: names('systemd Requisite=: this start is refused unless these are active (or starting); their stop or restart jobs propagate to this one.'),
  start: z
    .enum(['boot', 'on-demand'])
    .optional()
    .describe('boot (default): started at every boot. on-demand: down until something starts it (an operator start, OnFailure=, a requires/wants/binds_to/depends pull from a component being started, at boot included).'),
};

export type RequirementKind = 'requires' | 'wants' | 'requisite';

export interface EdgesInput {
  after?: string[];
  requires?: string[];
  wants?: string[];
  requisite?: string[];
  start?: 'boot' | 'on-demand';
}

/** The resolved edges, only where written (a scenario without them resolves as before). */
export interface ResolvedEdges {
  after?: string[];
  requires?: string[];
  wants?: string[];
  requisite?: string[];
  start?: 'on-demand';
}

/** No edges: what `resolveEdges` gives every component that writes none (shared, frozen). */
export const NO_EDGES: ResolvedEdges = Object.freeze({});

export function resolveEdges(c: EdgesInput): ResolvedEdges {
  if (c.after === undefined && c.requires === undefined && c.wants === undefined && c.requisite === undefined && c.start !== 'on-demand') return NO_EDGES;
  const out: ResolvedEdges = {};
  for (const key of ['after', 'requires', 'wants', 'requisite'] as const) {
    const list = c[key];
    if (list && list.length > 0) out[key] = [...list];
  }
  if (c.start === 'on-demand') out.start = 'on-demand';
  return out;
}

/** Every name an edge field of a component refers to, with the file path of the reference. */
export function edgeReferences(c: ResolvedEdges, componentPath: FieldPath): { name: string; path: FieldPath; field: string }[] {
  if (c.after === undefined && c.requires === undefined && c.wants === undefined && c.requisite === undefined) return [];
  const out: { name: string; path: FieldPath; field: string }[] = [];
  for (const key of ['after', 'requires', 'wants', 'requisite'] as const) {
    (c[key] ?? []).forEach((name, k) => out.push({ name, path: [...componentPath, key, k], field: key }));
  }
  return out;
}
