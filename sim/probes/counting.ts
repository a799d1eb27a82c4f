import type { ProbeKind, ProbeRun, ProbeSpec, ProbeStatus } from './types.js';

/**
 * One probe result, counted as the kubelet counts it (pkg/kubelet/prober/worker.go,
 * `doProbe`): "if w.lastResult == result { w.resultRun++ } else { w.lastResult = result;
 * w.resultRun = 1 }"; below failureThreshold / successThreshold "leave the probe
 * state unchanged"; at the threshold the result is set, and a liveness or
 * startup Failure puts the worker on hold (`onHold = true; resultRun = 0`)
 * until a new container. Pure: returns the next status and what it means.
 */
export interface Counted {
  status: ProbeStatus;
  /** The result reached its threshold now (the results manager is set). */
  reached: boolean;
  /** Consecutive results of this kind, this one included. */
  count: number;
  threshold: number;
}

export function countProbe(status: ProbeStatus, kind: ProbeKind, spec: ProbeSpec, ok: boolean): Counted {
  const result = ok ? 'success' : 'failure';
  const prev: ProbeRun = status.runs[kind];
  const count = prev.last === result ? prev.run + 1 : 1;
  const threshold = ok ? spec.successThreshold : spec.failureThreshold;
  const reached = count >= threshold;
  const next: ProbeStatus = { ...status, runs: { ...status.runs, [kind]: { last: result, run: count } } };
  if (reached) {
    if (kind === 'startup' && ok) next.started = true;
    if (kind === 'readiness') next.ready = ok;
    if ((kind === 'liveness' || kind === 'startup') && !ok) {
      next.onHold = true;
      next.runs[kind] = { last: result, run: 0 };
    }
  }
  return { status: next, reached, count, threshold };
}

/**
 * worker.go: "Disable other probes until container has started" and "Stop
 * probing for startup once container has started"; nothing while on hold.
 */
export function probeRuns(status: ProbeStatus, kind: ProbeKind): boolean {
  if (status.onHold) return false;
  return kind === 'startup' ? !status.started : status.started;
}
