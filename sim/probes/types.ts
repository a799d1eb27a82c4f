import { US_PER_S, type Micros } from '../engine/time.js';

/**
 * Kubernetes container probes, as the kubelet runs them
 * (kubernetes/kubernetes pkg/kubelet/prober/worker.go, `doProbe`).
 * Plain data: the model reads these, the scenario loader fills them.
 */
export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export const PROBE_KINDS: readonly ProbeKind[] = ['startup', 'liveness', 'readiness'];

export interface ProbeSpec {
  /** initialDelaySeconds: no probe before this long after each container start. */
  initialDelayUs: Micros;
  /** periodSeconds: how often the probe runs. */
  periodUs: Micros;
  /** timeoutSeconds: a probe not answered within this fails. */
  timeoutUs: Micros;
  /** failureThreshold: consecutive failures before the result becomes Failure. */
  failureThreshold: number;
  /** successThreshold: consecutive successes before the result becomes Success (1 for liveness and startup). */
  successThreshold: number;
}

export type Probes = Partial<Record<ProbeKind, ProbeSpec>>;

/**
 * The API defaults (staging/src/k8s.io/api/core/v1/types.go, `type Probe`:
 * "Defaults to 10 seconds" for periodSeconds, "Defaults to 1 second" for
 * timeoutSeconds, failureThreshold "Defaults to 3", successThreshold
 * "Defaults to 1. Must be 1 for liveness and startup"; initialDelaySeconds
 * unset is 0).
 */
export const PROBE_DEFAULTS: ProbeSpec = {
  initialDelayUs: 0,
  periodUs: 10 * US_PER_S,
  timeoutUs: 1 * US_PER_S,
  failureThreshold: 3,
  successThreshold: 1,
};

/** `lastResult` and `resultRun` of one probe worker (worker.go): how many times in a row it returned the same result. */
export interface ProbeRun {
  last?: 'success' | 'failure';
  run: number;
}

/**
 * What the kubelet knows of one container, reset at each container start
 * (a new container ID: worker.go "We've got a new container; resume probing").
 */
export interface ProbeStatus {
  /** `generation` of the process these results are about. */
  generation: number;
  /** The startup probe has succeeded (true at once without one): liveness and readiness run from then on. */
  started: boolean;
  /** Readiness (true at once without a readiness probe; its initial value is Failure with one). */
  ready: boolean;
  /** A liveness or startup failure put the workers on hold until the next container. */
  onHold: boolean;
  runs: Record<ProbeKind, ProbeRun>;
}

export function freshProbeStatus(probes: Probes, generation: number): ProbeStatus {
  return {
    generation,
    started: probes.startup === undefined,
    ready: probes.readiness === undefined,
    onHold: false,
    runs: { liveness: { run: 0 }, readiness: { run: 0 }, startup: { run: 0 } },
  };
}
