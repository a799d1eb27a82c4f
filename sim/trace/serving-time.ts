import type { Micros } from '../engine/time.js';
import type { TraceRecord } from './records.js';

/**
 * What decides whether a running component serves: its warm-up (it answers
 * nothing for that long after each start) and, with a Kubernetes readiness
 * probe, the probe's verdict (a container that is not ready gets no traffic:
 * pod-lifecycle "Container probes", readinessProbe). A bare name serves
 * whenever it runs.
 */
export interface ServingSpec {
  name: string;
  warmupUs?: Micros;
  /** It has a readiness probe: it serves only once the probe has said ready (not ready at each start). */
  readinessGated?: boolean;
}

/** The serving spec of a scenario's component (or of a trace file's resolved scenario). */
export function servingSpecOf(c: { name: string; warmupUs?: Micros; probes?: { readiness?: unknown } }): ServingSpec {
  return { name: c.name, ...(c.warmupUs ? { warmupUs: c.warmupUs } : {}), ...(c.probes?.readiness !== undefined ? { readinessGated: true } : {}) };
}

/**
 * Time up (`running`) and time serving (running, ready and past its warm-up)
 * per component, from the records as they are written. "Available" is
 * serving: a database a liveness probe kills before its
 * warm-up ends runs but never serves. Whole microseconds, a few numbers per
 * component, never the records.
 */
export class ServingClock {
  readonly upUs: number[];
  readonly servingUs: number[];
  private readonly specs: readonly ServingSpec[];
  /** A component's place in `components` (-1: not among them). */
  private readonly indexOf: (name: string) => number;
  private readonly upSince: (Micros | undefined)[];
  /** From when it serves (its warm-up's end), once it runs and, if gated, is ready. */
  private readonly servingFrom: (Micros | undefined)[];

  /** `indexOf`: the caller's own lookup of a place by name, if it has one (a map of a million names is not built twice). */
  constructor(components: readonly (string | ServingSpec)[], indexOf?: (name: string) => number) {
    this.specs = components.map((c) => (typeof c === 'string' ? { name: c } : c));
    if (indexOf) this.indexOf = indexOf;
    else {
      const index = new Map(this.specs.map((c, i) => [c.name, i]));
      this.indexOf = (name) => index.get(name) ?? -1;
    }
    this.upUs = this.specs.map(() => 0);
    this.servingUs = this.specs.map(() => 0);
    this.upSince = this.specs.map(() => undefined);
    this.servingFrom = this.specs.map(() => undefined);
  }

  readonly sink = (r: TraceRecord): void => {
    if (r.type === 'state') {
      const i = this.indexOf(r.component);
      if (i < 0) return;
      if (r.to === 'running') {
        this.upSince[i] = r.t;
        const spec = this.specs[i]!;
        this.servingFrom[i] = spec.readinessGated ? undefined : r.t + (spec.warmupUs ?? 0);
      } else if (r.from === 'running') {
        if (this.upSince[i] !== undefined) this.upUs[i]! += r.t - this.upSince[i]!;
        this.upSince[i] = undefined;
        this.endServing(i, r.t);
      }
    } else if (r.type === 'probe' && r.probe === 'readiness' && r.count >= r.threshold) {
      const i = this.indexOf(r.component);
      if (i < 0 || this.upSince[i] === undefined) return;
      if (r.result === 'failure') this.endServing(i, r.t);
      // A ready probe was answered, so the warm-up is over; the max only guards a hand-made trace.
      else if (this.servingFrom[i] === undefined) this.servingFrom[i] = Math.max(r.t, this.upSince[i]! + (this.specs[i]!.warmupUs ?? 0));
    }
  };

  private endServing(i: number, t: Micros): void {
    const from = this.servingFrom[i];
    if (from !== undefined) this.servingUs[i]! += Math.max(0, t - from);
    this.servingFrom[i] = undefined;
  }

  /** Up and serving time per component, counting what is still open up to `endUs`. */
  totals(endUs: Micros): { upUs: number[]; servingUs: number[] } {
    return {
      upUs: this.upUs.map((us, i) => us + (this.upSince[i] === undefined ? 0 : Math.max(0, endUs - this.upSince[i]!))),
      servingUs: this.servingUs.map((us, i) => us + (this.servingFrom[i] === undefined ? 0 : Math.max(0, endUs - this.servingFrom[i]!))),
    };
  }
}
