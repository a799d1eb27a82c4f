import type { Micros } from '../engine/time.js';
import type { PowerState, TraceRecord } from '../trace/records.js';
import type { RunSummary } from '../trace/trace-file.js';

/**
 * What a campaign keeps of one run: a few integers, never the trace. Every
 * field is a whole number (microseconds, counts, bytes), so sums over runs
 * are exact and do not depend on the order runs finish in.
 */
export interface RunMetrics {
  /** Time each component spent `running`, in declaration order. */
  runningUs: number[];
  /** Time the system was not up after it first came up (all of the run if it never did). */
  downtimeUs: Micros;
  gracefulReboots: number;
  ungracefulReboots: number;
  restarts: number;
  lostRequests: number;
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
export type SummaryCounts = Pick<RunSummary, 'endUs' | 'outcome' | 'violations' | 'reboots' | 'restarts' | 'lostRequests' | 'lostDataBytes'>;

/**
 * Reads a run's metrics from its trace (a pure function of it): the counts
 * from its summary, the times from its records. A time to recover runs from an ungraceful termination of a component while
 * the system is up or booting (not one caused by a reboot) to its next
 * `running` state, across any reboot in between; one still open when the run
 * ends counts up to the end (a lower bound).
 */
export function runMetrics(records: readonly TraceRecord[], components: readonly string[], summary: SummaryCounts): RunMetrics {
  const { endUs } = summary;
  const index = new Map(components.map((name, i) => [name, i]));
  const runningUs = components.map(() => 0);
  const runningSince: (Micros | undefined)[] = components.map(() => undefined);
  const failedAt: (Micros | undefined)[] = components.map(() => undefined);
  const recoverUs: number[] = [];
  let power: PowerState = 'booting';
  let powerSince: Micros = 0;
  let everUp = false;
  let downtimeUs = 0;

  for (const r of records) {
    switch (r.type) {
      case 'state': {
        const i = index.get(r.component);
        if (i === undefined) break;
        if (r.to === 'running') {
          runningSince[i] = r.t;
          if (failedAt[i] !== undefined) {
            recoverUs.push(r.t - failedAt[i]!);
            failedAt[i] = undefined;
          }
        } else if (r.from === 'running' && runningSince[i] !== undefined) {
          runningUs[i]! += r.t - runningSince[i]!;
          runningSince[i] = undefined;
        }
        break;
      }
      case 'terminated': {
        const i = index.get(r.component);
        const outsideReboot = power === 'up' || power === 'booting';
        if (i !== undefined && !r.graceful && r.termination.kind !== 'system-reset' && outsideReboot && failedAt[i] === undefined) failedAt[i] = r.t;
        break;
      }
      case 'power':
        if (everUp && power !== 'up') downtimeUs += r.t - powerSince;
        if (r.to === 'up') everUp = true;
        power = r.to;
        powerSince = r.t;
        break;
      default:
        break;
    }
  }
  runningSince.forEach((since, i) => {
    if (since !== undefined) runningUs[i]! += Math.max(0, endUs - since);
  });
  failedAt.forEach((at) => {
    if (at !== undefined) recoverUs.push(Math.max(0, endUs - at));
  });
  if (!everUp) downtimeUs = endUs;
  else if (power !== 'up') downtimeUs += Math.max(0, endUs - powerSince);
  recoverUs.sort((a, b) => a - b);
  return {
    runningUs,
    downtimeUs,
    gracefulReboots: summary.reboots.graceful,
    ungracefulReboots: summary.reboots.ungraceful,
    restarts: summary.restarts.total,
    lostRequests: summary.lostRequests,
    lostDataBytes: summary.lostDataBytes,
    violations: summary.violations.length,
    recoveries: recoverUs.length,
    ...(recoverUs.length > 0 ? { recoverMedianUs: nearestRank(recoverUs, 50), recoverP95Us: nearestRank(recoverUs, 95) } : {}),
    budgetExhausted: summary.outcome === 'event-budget-exhausted',
  };
}
