import type { Micros } from '../engine/time.js';
import { restartsSoFar, type Backoff, type PolicyHistory } from './types.js';

/** What a backoff needs to know about the component's past; all from `FailureContext`. */
export interface BackoffInput {
  nowUs: Micros;
  history: PolicyHistory;
  ranForUs: Micros;
}

/**
 * systemd's service_restart_usec_next(): the n-th restart (n counted from 1)
 * waits RestartSec * (RestartMaxDelaySec / RestartSec)^((n-1)/RestartSteps),
 * and RestartMaxDelaySec from step n > RestartSteps on. systemd truncates to
 * whole microseconds; recsim rounds, so that exact powers (10 s * 16^(3/4) =
 * 80 s) do not come out a microsecond short through floating point.
 */
export function systemdStepDelayUs(restartUs: Micros, steps: number, maxDelayUs: Micros, n: number): Micros {
  if (n <= 1 || steps === 0 || restartUs === 0 || restartUs >= maxDelayUs) return restartUs;
  if (n > steps) return maxDelayUs;
  return Math.round(restartUs * Math.pow(maxDelayUs / restartUs, (n - 1) / steps));
}

/**
 * The instants of the terminations handed to the policy so far this boot,
 * the current one last. `endsUs` counts clean exits too; without it only
 * failures are known.
 */
export function terminationInstants(input: BackoffInput): Micros[] {
  const list = [...(input.history.endsUs ?? input.history.failuresUs)];
  if (list.at(-1) !== input.nowUs) list.push(input.nowUs);
  return list;
}

/**
 * Kubernetes CrashLoopBackOff ("Kubernetes in Action" 2nd ed. 6.2.1; kubelet
 * flowcontrol.Backoff): the first restart is immediate, then 10 s doubling to
 * a 300 s cap; the count resets once the container has run for 10 minutes
 * (kubelet resets an entry untouched for 2 x 300 s, which a 10-minute run
 * implies). Returns the position in the current crash loop: 0 at a reset.
 */
export function crashLoopPosition(input: BackoffInput, resetAfterUs: Micros): number {
  if (input.ranForUs >= resetAfterUs) return 0;
  const t = terminationInstants(input);
  let i = t.length - 1;
  while (i > 0 && t[i]! - t[i - 1]! < resetAfterUs) i--;
  return t.length - 1 - i;
}

export function crashLoopDelayUs(position: number, initialUs: Micros, maxUs: Micros): Micros {
  if (position === 0) return 0;
  return Math.min(maxUs, initialUs * 2 ** Math.min(position - 1, 40));
}

/**
 * MINIX 3 reincarnation server (servers/rs/manager.c, const.h): the first
 * unexpected exit is restarted directly; after that
 * r_backoff = min(1 << r_restarts, MAX_BACKOFF = 30) periods of RS_DELTA_T
 * (system_hz ticks: one second).
 */
export function minixBackoffPeriods(restartsSoFar: number, capPeriods: number): number {
  if (restartsSoFar === 0) return 0;
  return Math.min(2 ** Math.min(restartsSoFar, 40), capPeriods);
}

/**
 * The delay before the next restart, before jitter. `delayUs` is the
 * policy's base delay (RestartSec=, recovery(ms)).
 */
export function backoffDelayUs(backoff: Backoff | undefined, delayUs: Micros, input: BackoffInput): Micros {
  if (!backoff) return delayUs;
  switch (backoff.kind) {
    case 'fixed':
      return delayUs;
    case 'steps':
      return systemdStepDelayUs(delayUs, backoff.steps, backoff.maxDelayUs, restartsSoFar(input.history) + 1);
    case 'crashloop':
      return crashLoopDelayUs(crashLoopPosition(input, backoff.resetAfterUs), backoff.initialUs, backoff.maxUs);
    case 'minix':
      return minixBackoffPeriods(restartsSoFar(input.history), backoff.capPeriods) * backoff.periodUs;
    case 'restart-period': {
      // Android init: "restarted at its start time plus this period".
      const lastStart = input.history.startsUs.at(-1);
      return lastStart === undefined ? backoff.periodUs : Math.max(0, lastStart + backoff.periodUs - input.nowUs);
    }
  }
}

/** Adds up to `jitter` x delay, drawn from the component's own stream (like Kubernetes' wait.Jitter). */
export function withJitterUs(delayUs: Micros, jitter: number | undefined, random: () => number): Micros {
  if (!jitter || delayUs === 0) return delayUs;
  return delayUs + Math.floor(delayUs * jitter * random());
}
