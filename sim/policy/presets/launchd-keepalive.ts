import { US_PER_S } from '../../engine/time.js';
import type { Preset } from './preset.js';

/**
 * launchd.plist(5): "KeepAlive <boolean or dictionary of stuff> ... The value
 * may be set to true to unconditionally keep the job alive", and
 * "ThrottleInterval <integer> This key lets one override the default
 * throttling policy imposed on jobs by launchd. The value is in seconds, and
 * by default, jobs will not be spawned more than once every 10 seconds."
 * launchd's job_start() (launchd_core_logic.c, LAUNCHD_MIN_JOB_RUN_TIME 10)
 * does it as: if now - start_time < min_run_time, "Throttling respawn: Will
 * start in" the difference. That is Android's restart_period shape: started
 * again at its last start plus the interval, at once if that has passed.
 * launchd has no notion of a critical job, so `critical` changes nothing.
 */
export const launchdKeepalive: Preset = {
  name: 'launchd-keepalive',
  summary: 'launchd KeepAlive=true with ThrottleInterval 10 s: a job that exits, for any reason, is started again at its last start + 10 s (at once if that has passed); critical changes nothing',
  source: 'launchd.plist(5): KeepAlive true "unconditionally keep[s] the job alive"; ThrottleInterval: "by default, jobs will not be spawned more than once every 10 seconds"; launchd_core_logic.c job_start(), LAUNCHD_MIN_JOB_RUN_TIME 10',
  // Left out of the default comparison, which keeps printing what it printed before this preset existed.
  comparedByDefault: false,
  build: ({ critical }) => ({
    preset: 'launchd-keepalive',
    when: 'always',
    delayUs: 0,
    maxRestarts: Infinity,
    heartbeatMissLimit: 1,
    backoff: { kind: 'restart-period', periodUs: 10 * US_PER_S },
    critical,
  }),
};
