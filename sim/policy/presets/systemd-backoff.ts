import { US_PER_S } from '../../engine/time.js';
import type { Preset } from './preset.js';
import { SYSTEMD_START_LIMIT } from './systemd-default.js';

export const systemdBackoff: Preset = {
  name: 'systemd-backoff',
  summary: 'systemd Restart=on-failure with RestartSec=10s, RestartSteps=4, RestartMaxDelaySec=160s: 10, 20, 40, 80, 160, 160 s; the step count does not reset within a boot',
  source: 'systemd.service(5) RestartSteps=/RestartMaxDelaySec= (systemd 254), service_restart_usec_next(); start limit 5 per 10 s',
  comparedByDefault: true,
  build: ({ critical }) => ({
    preset: 'systemd-backoff',
    when: 'on-failure',
    delayUs: 10 * US_PER_S,
    maxRestarts: Infinity,
    heartbeatMissLimit: 1,
    backoff: { kind: 'steps', steps: 4, maxDelayUs: 160 * US_PER_S },
    startLimit: { ...SYSTEMD_START_LIMIT, action: critical ? 'reboot' : 'none' },
    failureAction: critical ? 'reboot' : 'none',
    critical,
  }),
};
