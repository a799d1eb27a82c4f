import { US_PER_MIN, US_PER_S } from '../../engine/time.js';
import type { Preset } from './preset.js';

const DAY_US = 24 * 60 * US_PER_MIN;

export const windowsScm: Preset = {
  name: 'windows-scm',
  summary: 'Windows service recovery: 1st and 2nd failure restart after 1 min, subsequent: take no action (critical: restart the computer); count reset after 1 day',
  source: 'SERVICE_FAILURE_ACTIONS (winsvc.h); services.msc recovery tab default "Restart service after: 1 minute"; sc.exe failure reset= 86400',
  comparedByDefault: true,
  build: ({ critical }) => ({
    preset: 'windows-scm',
    when: 'on-failure',
    delayUs: 60 * US_PER_S,
    maxRestarts: Infinity,
    heartbeatMissLimit: 1,
    ladder: {
      actions: [
        { kind: 'restart', delayUs: 60 * US_PER_S },
        { kind: 'restart', delayUs: 60 * US_PER_S },
        critical ? { kind: 'reboot' } : { kind: 'none' },
      ],
      resetUs: DAY_US,
    },
    critical,
  }),
};
