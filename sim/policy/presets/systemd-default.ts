import { US_PER_MS, US_PER_S } from '../../engine/time.js';
import type { Preset } from './preset.js';

/** systemd's built-in defaults (systemd-system.conf(5), systemd.unit(5)): 5 starts per 10 s. */
export const SYSTEMD_START_LIMIT = { burst: 5, intervalUs: 10 * US_PER_S } as const;

export const systemdDefault: Preset = {
  name: 'systemd-default',
  summary: 'systemd unit with Restart=on-failure and the stock defaults: RestartSec=100ms, at most 5 starts per 10 s; critical units reboot when they fail for good (StartLimitAction=reboot)',
  source: 'systemd.service(5): RestartSec= defaults to 100ms; systemd-system.conf(5): DefaultStartLimitIntervalSec=10s, DefaultStartLimitBurst=5',
  comparedByDefault: true,
  build: ({ critical }) => ({
    preset: 'systemd-default',
    when: 'on-failure',
    delayUs: 100 * US_PER_MS,
    maxRestarts: Infinity,
    heartbeatMissLimit: 1, // WatchdogSec=: the first missed keep-alive kills the service
    backoff: { kind: 'fixed' },
    // A critical unit reboots when it fails for good: StartLimitAction=reboot. Not FailureAction=reboot,
    // which since systemd 254 runs at every entry to failed, a failure Restart= restarts included
    // (unit_notify(); docs/semantics-systemd.md), and would reboot at the first crash.
    startLimit: { ...SYSTEMD_START_LIMIT, action: critical ? 'reboot' : 'none' },
    failureAction: 'none',
    critical,
  }),
};
