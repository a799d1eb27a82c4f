import { US_PER_MS, US_PER_S, type Micros } from '../engine/time.js';
import { FAULT_KINDS, type FaultKey } from '../faults/registry.js';
import type { FaultKindModule } from '../faults/types.js';
import type { RecordType } from '../trace/records.js';

/**
 * The fault vocabulary of `recsim explore`, in scenario-file spelling: every
 * registered fault kind that has an explore generator (sim/faults/kinds/),
 * each injected once, and explore's own composite `crash_loop`, a persistent
 * fault: a component that crashes every time it starts (written as
 * `when: {record: state, component: X}, crash: X, times: 1000`).
 */
export const CRASH_LOOP = 'crash_loop';

export type ExploreFaultKind = FaultKey | typeof CRASH_LOOP;

const explorable = (FAULT_KINDS as readonly FaultKindModule[]).filter((m) => m.explore !== undefined);

/** Every kind explore can draw. */
export const EXPLORE_FAULT_KINDS: readonly ExploreFaultKind[] = [...explorable.map((m) => m.key as FaultKey), CRASH_LOOP];

/** The kinds drawn when `--faults` names none. */
export const DEFAULT_EXPLORE_FAULT_KINDS: readonly ExploreFaultKind[] = [
  ...explorable.filter((m) => m.explore!.byDefault).map((m) => m.key as FaultKey),
  CRASH_LOOP,
];

/** Kinds that need no target component. */
export const SYSTEM_FAULT_KINDS: ReadonlySet<ExploreFaultKind> = new Set(explorable.filter((m) => m.targets === 'system').map((m) => m.key as FaultKey));

/** Parses `crash,kill,fail-start` (either spelling); returns the unknown names instead of throwing. */
export function parseFaultKinds(text: string): { kinds: ExploreFaultKind[] } | { unknown: string[] } {
  const names = text.split(',').map((s) => s.trim().replace(/-/g, '_')).filter((s) => s.length > 0);
  const known = new Set<string>(EXPLORE_FAULT_KINDS);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) return { unknown };
  return { kinds: [...new Set(names)] as ExploreFaultKind[] };
}

/** Records a triggered fault may follow: the moments where a second fault hurts most. */
export const TRIGGER_RECORDS: readonly RecordType[] = [
  'terminated',
  'restart',
  'decision',
  'stop-requested',
  'reboot-requested',
  'shutdown-started',
  'panic',
  'boot-started',
  'boot-completed',
  'start-refused',
];

/** Delays after a trigger: at once, within a start latency, within the shim's 2 s, past a stop timeout. */
export const TRIGGER_DELAYS_US: readonly Micros[] = [0, 1 * US_PER_MS, 50 * US_PER_MS, 500 * US_PER_MS, 1 * US_PER_S, 3 * US_PER_S, 6 * US_PER_S];

/** How often a `crash_loop` trigger may fire: effectively every start of the run. */
export const CRASH_LOOP_TIMES = 1_000;

/** Delays of a crash loop: at exec, or shortly after. */
export const CRASH_LOOP_DELAYS_US: readonly Micros[] = [0, 1 * US_PER_MS, 50 * US_PER_MS];
