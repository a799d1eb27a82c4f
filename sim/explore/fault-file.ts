import { formatDuration, US_PER_S } from '../engine/time.js';
import { conditionToFile, describeCondition } from '../faults/condition.js';
import { faultFileFields } from '../faults/registry.js';
import type { FaultSpec } from '../scenario/types.js';

/** A rate as the file writes it, in the coarsest unit that keeps it exact enough to read back. */
function formatRate(perUs: number): string {
  for (const [unit, us] of [['s', US_PER_S], ['min', 60 * US_PER_S], ['h', 3600 * US_PER_S]] as const) {
    const n = perUs * us;
    if (n >= 1 && Math.abs(n - Math.round(n)) < 1e-9) return `${Math.round(n)}/${unit}`;
  }
  return `${Number((perUs * 86_400 * US_PER_S).toFixed(6))}/d`;
}

/**
 * A resolved fault written back in scenario-file spelling, so that it reads
 * back (through the loader) to the same `FaultSpec`.
 */
export function faultToFile(f: FaultSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const t = f.trigger;
  if (t.kind === 'at') out.at = formatDuration(t.atUs);
  else if (t.kind === 'when') {
    out.when = t.component === undefined ? t.record : { record: t.record, component: t.component };
    if (t.afterUs !== 0) out.after = formatDuration(t.afterUs);
    if (t.times !== 1) out.times = t.times;
  } else {
    out.rate = formatRate(t.perUs);
    if (t.fromUs !== 0) out.from = formatDuration(t.fromUs);
    out.until = formatDuration(t.untilUs);
  }
  return { ...out, ...faultFileFields(f), ...(f.condition ? { while: conditionToFile(f.condition) } : {}) };
}

/** One line describing a fault, for summaries: `crash netstack at 12.5s`. */
export function describeFault(f: FaultSpec): string {
  const what = `${f.target === undefined ? f.fault : `${f.fault} ${f.target}`}${f.condition ? ` ${describeCondition(f.condition)}` : ''}`;
  const t = f.trigger;
  if (t.kind === 'at') return `${what} at ${formatDuration(t.atUs)}`;
  if (t.kind === 'rate') return `${what} at ${formatRate(t.perUs)} until ${formatDuration(t.untilUs)}`;
  const on = t.component === undefined ? t.record : `${t.record} of ${t.component}`;
  return `${what} ${formatDuration(t.afterUs)} after ${on}${t.times === 1 ? '' : ` (up to ${t.times} times)`}`;
}
