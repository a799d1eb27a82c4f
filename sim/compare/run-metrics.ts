import type { Micros } from '../engine/time.js';
import type { PowerState, TraceRecord } from '../trace/records.js';
import type { RunSummary } from '../trace/trace-file.js';
import { ServingClock, type ServingSpec } from '../trace/serving-time.js';

/**
 * What a campaign keeps of one run: a few integers, never the trace. Every
 * field is a whole number (microseconds, counts, bytes), so sums over runs
 * are exact and do not depend on the order runs finish in.
 */
export interface RunMetrics {
  /** Time each component spent `running` ("up"), in declaration order. */
  runningUs: number[];
  /** Time each component spent serving: running, ready and past its warm-up ("available"; serving-time.ts). */
  servingUs: number[];
  /** Time the system was not up after it first came up (all of the run if it never did). */
  downtimeUs: Micros;
  gracefulReboots: number;
  ungracefulReboots: number;
  restarts: number;
  lostRequests: number;
  /** Requests refused while their driver was down (character-like clients) and re-issued after waiting (block-like). */
  refusedRequests: number;
  delayedRequests: number;
  lostDataBytes: number;
  violations: number;
  /** Failures (ungraceful terminations outside reboots) and how long each took to run again. */
  recoveries: number;
  /** Median and 95th percentile (nearest rank) of this run's times to recover; absent without failures. */
  recoverMedianUs?: Micros;
  recoverP95Us?: Micros;
  budgetExhausted: boolean;
}

/** Nearest-rank percentile of integers: an actual sample, so still an integer. */
export function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** The counts a run's summary already holds; runMetrics takes them from there rather than count again. */
export type SummaryCounts = Pick<RunSummary, 'endUs' | 'outcome' | 'violations' | 'reboots' | 'restarts' | 'lostRequests' | 'refusedRequests' | 'delayedRequests' | 'lostDataBytes'>;

/**
 * Gathers a run's metrics as its records are written: the counts come from
 * its summary at the end, the times from the records. A time to recover runs
 * from an ungraceful termination of a component while the system is up or
 * booting (not one caused by a reboot) to its next `running` state, across
 * any reboot in between; one still open when the run ends counts up to the
 * end (a lower bound). Keeps a few numbers per component, never the trace.
 */
export class RunMetricsCollector {
  private readonly index: Map<string, number>;
  private readonly clock: ServingClock;
  private readonly failedAt: (Micros | undefined)[];
  private readonly recoverUs: number[] = [];
  private power: PowerState = 'booting';
  private powerSince: Micros = 0;
  private everUp = false;
  private downtimeUs = 0;

  /** Names, or with a warm-up and a readiness probe (`servingSpecOf`) so that serving time is told from up time. */
  constructor(components: readonly (string | ServingSpec)[]) {
    this.index = new Map(components.map((c, i) => [typeof c === 'string' ? c : c.name, i]));
    this.clock = new ServingClock(components);
    this.failedAt = components.map(() => undefined);
  }

  readonly sink = (r: TraceRecord): void => {
    this.clock.sink(r);
    switch (r.type) {
      case 'state': {
        const i = this.index.get(r.component);
        if (i === undefined || r.to !== 'running') break;
        if (this.failedAt[i] !== undefined) {
          this.recoverUs.push(r.t - this.failedAt[i]!);
          this.failedAt[i] = undefined;
        }
        break;
      }
      case 'terminated': {
        const i = this.index.get(r.component);
        const outsideReboot = this.power === 'up' || this.power === 'booting';
        if (i !== undefined && !r.graceful && r.termination.kind !== 'system-reset' && outsideReboot && this.failedAt[i] === undefined) this.failedAt[i] = r.t;
        break;
      }
      case 'power':
        if (this.everUp && this.power !== 'up') this.downtimeUs += r.t - this.powerSince;
        if (r.to === 'up') this.everUp = true;
        this.power = r.to;
        this.powerSince = r.t;
        break;
      default:
        break;
    }
  };

  metrics(summary: SummaryCounts): RunMetrics {
    const { endUs } = summary;
    const { upUs: runningUs, servingUs } = this.clock.totals(endUs);
    const recoverUs = [...this.recoverUs, ...this.failedAt.flatMap((at) => (at === undefined ? [] : [Math.max(0, endUs - at)]))].sort((a, b) => a - b);
    const downtimeUs = !this.everUp ? endUs : this.power !== 'up' ? this.downtimeUs + Math.max(0, endUs - this.powerSince) : this.downtimeUs;
    return {
      runningUs,
      servingUs,
      downtimeUs,
      gracefulReboots: summary.reboots.graceful,
      ungracefulReboots: summary.reboots.ungraceful,
      restarts: summary.restarts.total,
      lostRequests: summary.lostRequests,
      refusedRequests: summary.refusedRequests ?? 0,
      delayedRequests: summary.delayedRequests ?? 0,
      lostDataBytes: summary.lostDataBytes,
      violations: summary.violations.length,
      recoveries: recoverUs.length,
      ...(recoverUs.length > 0 ? { recoverMedianUs: nearestRank(recoverUs, 50), recoverP95Us: nearestRank(recoverUs, 95) } : {}),
      budgetExhausted: summary.outcome === 'event-budget-exhausted',
    };
  }
}

/** A run's metrics from its whole trace (a pure function of it). */
export function runMetrics(records: readonly TraceRecord[], components: readonly (string | ServingSpec)[], summary: SummaryCounts): RunMetrics {
  const collector = new RunMetricsCollector(components);
  for (const r of records) collector.sink(r);
  return collector.metrics(summary);
}
