import fc from 'fast-check';
import type { Micros } from '../../engine/time.js';
import { faultKindByKey } from '../../faults/registry.js';
import type { FaultSpec } from '../../scenario/types.js';
import { CRASH_LOOP, CRASH_LOOP_TIMES, type ExploreFaultKind } from '../vocabulary.js';

/** One fault of the exhaustive menu, without its placement: a kind on a target (none for a system fault). */
export interface MenuFault {
  kind: ExploreFaultKind;
  target?: string;
  /** Whether the kind needs no target (a shutdown, the reboot call). */
  system: boolean;
}

/**
 * The one spec a kind is tried with: the simplest value its explore generator
 * can draw (fast-check shrinks a draw to it: a crash with exit code 1, a
 * slow start by the smallest factor), so the menu is derived from the
 * registry like every other list of kinds and a new kind joins it unchanged.
 */
const simplestCache = new Map<string, unknown>();
function simplestSpec(kind: ExploreFaultKind, target: string | undefined): Omit<FaultSpec, 'trigger'> {
  const key = `${kind}\u0000${target ?? ''}`;
  const cached = simplestCache.get(key);
  if (cached !== undefined) return cached as Omit<FaultSpec, 'trigger'>;
  const explorer = faultKindByKey(kind)?.explore;
  if (explorer === undefined) throw new Error(`exhaustive: fault kind ${kind} has no explore generator`);
  const details = fc.check(fc.property(explorer.arbitrary(target), () => false), { seed: 0, numRuns: 1 });
  const spec = (details.counterexample as [Omit<FaultSpec, 'trigger'>] | null)?.[0];
  if (spec === undefined) throw new Error(`exhaustive: could not draw a ${kind} fault`);
  simplestCache.set(key, spec);
  return spec;
}

/** Whether a kind needs no target. */
export function isSystemKind(kind: ExploreFaultKind): boolean {
  return kind !== CRASH_LOOP && faultKindByKey(kind)?.targets === 'system';
}

/** Every kind on every target it can take: system kinds once, component kinds once per target, in the order given. */
export function menuOf(kinds: readonly ExploreFaultKind[], targets: readonly string[]): MenuFault[] {
  const out: MenuFault[] = [];
  for (const kind of kinds) {
    if (isSystemKind(kind)) out.push({ kind, system: true });
    else for (const target of targets) out.push({ kind, target, system: false });
  }
  return out;
}

/**
 * The fault a menu entry injects at `atUs`. A crash loop (explore's persistent
 * fault: the target crashes every time its state changes) is a `when`
 * trigger that starts watching at the injection, like `recsim explore` draws it.
 */
export function specAt(f: MenuFault, atUs: Micros): FaultSpec {
  if (f.kind === CRASH_LOOP) {
    return { fault: 'crash', target: f.target!, exitCode: 1, trigger: { kind: 'when', record: 'state', component: f.target!, afterUs: 0, times: CRASH_LOOP_TIMES } };
  }
  return { ...simplestSpec(f.kind, f.target), trigger: { kind: 'at', atUs } } as FaultSpec;
}

/** `crash /core/netstack`, `shutdown`. */
export function describeMenuFault(f: MenuFault): string {
  return f.target === undefined ? f.kind : `${f.kind} ${f.target}`;
}
