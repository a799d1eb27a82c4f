import { US_PER_S, type Micros } from '../engine/time.js';
import { probeRuns } from './counting.js';
import type { ProbeKind, ProbeSpec, ProbeStatus } from './types.js';

/** What one tick of a probe worker reads of the container it probes (plain data, from the model's state). */
export interface ProbeTarget {
  kind: ProbeKind;
  spec: ProbeSpec;
  /** The process, if it is running or hung; undefined when there is none to probe. */
  process?: { hung: boolean; startedAtUs: Micros; warmupUs: Micros; generation: number };
  status?: ProbeStatus;
}

/**
 * What a tick at `atUs` does (kubernetes pkg/kubelet/prober/worker.go `doProbe`):
 * nothing (`skip`: no container, a stale or held status, the other probes
 * waiting for the startup probe, or "Probe disabled for InitialDelaySeconds":
 * `int32(time.Since(StartedAt).Seconds()) < InitialDelaySeconds`, whole
 * seconds truncated), or a probe whose answer is a success (listening) or a
 * failure (not listening yet: refused; hung: no answer before the timeout).
 */
export function tickOutcome(t: ProbeTarget, atUs: Micros): 'skip' | 'success' | 'failure' {
  const p = t.process;
  const status = t.status;
  if (p === undefined || !status || status.generation !== p.generation || !probeRuns(status, t.kind)) return 'skip';
  if (Math.floor((atUs - p.startedAtUs) / US_PER_S) * US_PER_S < t.spec.initialDelayUs) return 'skip';
  return !p.hung && atUs >= p.startedAtUs + p.warmupUs ? 'success' : 'failure';
}

/**
 * A success that changes nothing the trace or the model can see: the last
 * result was already a success (so the failures in a row stay at none) and
 * it sets no result (the startup probe's first success starts the container;
 * readiness below its successThreshold is still counting). It only lengthens
 * `resultRun`, which no record shows.
 */
export function successChangesNothing(status: ProbeStatus, kind: ProbeKind): boolean {
  if (kind === 'startup') return false;
  return status.runs[kind].last === 'success' && (kind !== 'readiness' || status.ready);
}

/**
 * The first tick at or after `fromUs` (a tick of the worker's grid, period
 * `spec.periodUs`) that can do something, if nothing about the container or
 * the kubelet's view of it changes until then; Infinity if none can. A tick
 * that skips or whose success changes nothing does nothing; any failure does
 * (a record, a count). With the state fixed, the outcome changes with time
 * only twice: the initial delay ends (skip to a probe), the warm-up ends
 * (failure to success).
 */
export function firstTickThatMattersUs(t: ProbeTarget, fromUs: Micros): Micros {
  const p = t.process;
  const status = t.status;
  if (p === undefined || !status || status.generation !== p.generation || !probeRuns(status, t.kind)) return Infinity;
  const periodUs = t.spec.periodUs;
  const probedFromUs = p.startedAtUs + Math.ceil(t.spec.initialDelayUs / US_PER_S) * US_PER_S;
  const firstProbedUs = fromUs + Math.max(0, Math.ceil((probedFromUs - fromUs) / periodUs)) * periodUs;
  if (!successChangesNothing(status, t.kind)) return firstProbedUs;
  return tickOutcome(t, firstProbedUs) === 'success' ? Infinity : firstProbedUs;
}
