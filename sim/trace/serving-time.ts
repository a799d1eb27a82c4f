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
/** Not up (or not serving) now: no instant, as a number (a trace's instants are 0 or more: validate-trace.ts). */
const NOT_NOW = -1;

export class ServingClock {
  /**
   * Per component, by place, as numbers a collector need not scan (four
   * arrays of 10^6 at scale): time up and serving so far, and since when it
   * is up and serving (NOT_NOW: it is not).
   */
  private readonly upUs: Float64Array;
  private readonly servingUs: Float64Array;
  /** Per component, by place: its warm-up, and whether a readiness probe gates its serving (1). */
  private readonly warmupUs: Float64Array;
  private readonly gated: Uint8Array;
  /** A component's place in `components` (-1: not among them). */
  private readonly indexOf: (name: string) => number;
  private readonly upSince: Float64Array;
  /** From when it serves (its warm-up's end), once it runs and, if gated, is ready. */
  private readonly servingFrom: Float64Array;

  /** `indexOf`: the caller's own lookup of a place by name, if it has one (a map of a million names is not built twice). */
  constructor(components: readonly (string | ServingSpec)[], indexOf?: (name: string) => number) {
    const n = components.length;
    this.warmupUs = new Float64Array(n);
    this.gated = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = components[i]!;
      if (typeof c === 'string') continue;
      this.warmupUs[i] = c.warmupUs ?? 0;
      this.gated[i] = c.readinessGated ? 1 : 0;
    }
    if (indexOf) this.indexOf = indexOf;
    else {
      const index = new Map(components.map((c, i) => [typeof c === 'string' ? c : c.name, i]));
      this.indexOf = (name) => index.get(name) ?? -1;
    }
    this.upUs = new Float64Array(n);
    this.servingUs = new Float64Array(n);
    this.upSince = new Float64Array(n).fill(NOT_NOW);
    this.servingFrom = new Float64Array(n).fill(NOT_NOW);
  }

  /**
   * The clock of a scenario's components, read as servingSpecOf reads them
   * without making a spec of each (a million objects at 10^6, kept for the
   * whole run).
   */
  static ofComponents(components: readonly Parameters<typeof servingSpecOf>[0][], indexOf: (name: string) => number): ServingClock {
    const clock = new ServingClock(new Array<string>(components.length).fill(''), indexOf);
    for (let i = 0; i < components.length; i++) {
      const c = components[i]!;
      clock.warmupUs[i] = c.warmupUs || 0;
      clock.gated[i] = c.probes?.readiness !== undefined ? 1 : 0;
    }
    return clock;
  }

  readonly sink = (r: TraceRecord): void => {
    if (r.type === 'state') {
      const i = this.indexOf(r.component);
      if (i < 0) return;
      if (r.to === 'running') {
        this.upSince[i] = r.t;
        this.servingFrom[i] = this.gated[i] === 1 ? NOT_NOW : r.t + this.warmupUs[i]!;
      } else if (r.from === 'running') {
        if (this.upSince[i] !== NOT_NOW) this.upUs[i]! += r.t - this.upSince[i]!;
        this.upSince[i] = NOT_NOW;
        this.endServing(i, r.t);
      }
    } else if (r.type === 'probe' && r.probe === 'readiness' && r.count >= r.threshold) {
      const i = this.indexOf(r.component);
      if (i < 0 || this.upSince[i] === NOT_NOW) return;
      if (r.result === 'failure') this.endServing(i, r.t);
      // A ready probe was answered, so the warm-up is over; the max only guards a hand-made trace.
      else if (this.servingFrom[i] === NOT_NOW) this.servingFrom[i] = Math.max(r.t, this.upSince[i]! + this.warmupUs[i]!);
    }
  };

  private endServing(i: number, t: Micros): void {
    const from = this.servingFrom[i]!;
    if (from !== NOT_NOW) this.servingUs[i]! += Math.max(0, t - from);
    this.servingFrom[i] = NOT_NOW;
  }

  /** Up and serving time per component, counting what is still open up to `endUs`. */
  totals(endUs: Micros): { upUs: number[]; servingUs: number[] } {
    return {
      upUs: Array.from(this.upUs, (us, i) => us + (this.upSince[i] === NOT_NOW ? 0 : Math.max(0, endUs - this.upSince[i]!))),
      servingUs: Array.from(this.servingUs, (us, i) => us + (this.servingFrom[i] === NOT_NOW ? 0 : Math.max(0, endUs - this.servingFrom[i]!))),
    };
  }
}
