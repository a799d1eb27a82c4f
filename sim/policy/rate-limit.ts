import type { Micros } from '../engine/time.js';

/**
 * systemd's start rate limit (src/basic/ratelimit.c, unit_test_start_limit()):
 * a fixed window that opens at the first start and lasts
 * StartLimitIntervalSec; at most StartLimitBurst starts fit in it, and a
 * start after the window has passed opens a new one. Every start counts,
 * the first one at boot included. Returns whether a start at
 * `prospectiveUs`, after the starts already made, would be refused.
 */
export function startLimitHit(startsUs: readonly Micros[], prospectiveUs: Micros, burst: number, intervalUs: Micros): boolean {
  let beginUs: Micros | undefined;
  let count = 0;
  let allowed = true;
  for (const t of [...startsUs, prospectiveUs]) {
    if (beginUs === undefined || t - beginUs > intervalUs) {
      beginUs = t;
      count = 0;
    }
    allowed = count < burst;
    if (allowed) count++;
  }
  return !allowed;
}

/**
 * Erlang/OTP supervisor restart intensity (supervisor.erl add_restart/3): the
 * restarts within the last `periodUs` (inclusive) are counted, this one
 * included; more than `maxRestarts` and the supervisor gives up.
 */
export function restartsInWindow(instantsUs: readonly Micros[], nowUs: Micros, periodUs: Micros): number {
  let n = 0;
  for (const t of instantsUs) if (t >= nowUs - periodUs && t <= nowUs) n++;
  return n;
}

export function intensityExceeded(instantsUs: readonly Micros[], nowUs: Micros, maxRestarts: number, periodUs: Micros): boolean {
  return restartsInWindow(instantsUs, nowUs, periodUs) > maxRestarts;
}
