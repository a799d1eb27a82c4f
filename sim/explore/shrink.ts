import { US_PER_MS, US_PER_S } from '../engine/time.js';
import { faultKindOf } from '../faults/registry.js';
import type { FaultSpec } from '../scenario/types.js';
import type { TraceRecord } from '../trace/records.js';

/** Whether a candidate schedule still shows the failure being shrunk. */
export type StillFails = (faults: FaultSpec[]) => boolean;

export interface ShrinkOptions {
  /** At most this many candidate runs (default 400): shrinking is bounded like everything else. */
  triesMax?: number;
  /** The failing run's records: stochastic faults are replaced by the instants they fired at. */
  records?: readonly TraceRecord[];
}

export interface ShrinkResult {
  faults: FaultSpec[];
  tries: number;
  /** Candidates that kept the failure and were taken. */
  accepted: number;
}

/**
 * Shrinks a failing fault schedule to a 1-minimal one (removing any single
 * fault makes the failure go away), then simplifies what is left: fewer
 * repetitions, no delays, round instants, stochastic faults turned into
 * scripted ones. Deterministic: the same schedule and predicate give the same
 * result.
 */
export function shrinkSchedule(faults: readonly FaultSpec[], stillFails: StillFails, options: ShrinkOptions = {}): ShrinkResult {
  const triesMax = options.triesMax ?? 400;
  let tries = 0;
  let accepted = 0;
  const attempt = (candidate: FaultSpec[]): boolean => {
    if (tries >= triesMax) return false;
    tries++;
    const ok = stillFails(candidate);
    if (ok) accepted++;
    return ok;
  };

  let current = [...faults];
  // Remove faults one at a time until no single removal keeps the failure (1-minimal).
  for (let changed = true; changed && tries < triesMax; ) {
    changed = false;
    for (let i = 0; i < current.length; i++) {
      const without = current.filter((_, k) => k !== i);
      if (without.length > 0 && attempt(without)) {
        current = without;
        changed = true;
        break;
      }
    }
  }

  // Simplify each remaining fault in place, keeping the first simpler form that still fails.
  for (let i = 0; i < current.length; i++) {
    for (const simpler of simplerForms(current[i]!, options.records ?? [])) {
      const candidate = current.map((f, k) => (k === i ? simpler : f));
      if (attempt(candidate)) {
        current = candidate;
        // The fault changed: later simplifications start from it.
        i--;
        break;
      }
    }
  }
  return { faults: current, tries, accepted };
}

/** Simpler variants of one fault, simplest first; each differs from it. */
function simplerForms(f: FaultSpec, records: readonly TraceRecord[]): FaultSpec[] {
  const out: FaultSpec[] = [];
  const t = f.trigger;
  if (t.kind === 'rate') {
    // The instants this stochastic fault actually fired at in the failing run.
    const fired = records.filter((r) => r.type === 'fault' && r.source === 'stochastic' && r.fault === f.fault && r.component === f.target);
    for (const r of fired.slice(0, 12)) out.push({ ...f, trigger: { kind: 'at', atUs: r.t } });
  }
  if (t.kind === 'when') {
    if (t.times > 1 && t.times < 100) out.push({ ...f, trigger: { ...t, times: 1 } });
    if (t.afterUs > 0) out.push({ ...f, trigger: { ...t, afterUs: 0 } });
  }
  if (t.kind === 'at') {
    for (const grid of [US_PER_S, 100 * US_PER_MS]) {
      const rounded = Math.floor(t.atUs / grid) * grid;
      if (rounded !== t.atUs) out.push({ ...f, trigger: { kind: 'at', atUs: rounded } });
    }
  }
  // Then what the fault's kind calls simpler (a crash without its signal, exit code 1).
  for (const simpler of faultKindOf(f.fault).explore?.simpler?.(f) ?? []) out.push({ ...simpler, trigger: f.trigger } as FaultSpec);
  return out;
}
