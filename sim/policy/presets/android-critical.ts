import { US_PER_MIN, US_PER_S } from '../../engine/time.js';
import type { Preset } from './preset.js';

export const androidCritical: Preset = {
  name: 'android-critical',
  summary: 'Android init: every service restarted at its last start + restart_period 5 s; a critical one exiting more than 4 times in 4 min (window anchored at the exit that opened it) or before boot completes reboots into the bootloader (modelled as a panic and a normal boot)',
  source: 'Android init README (system/core/init): restart_period defaults to 5s; "critical ... more than four times in four minutes or before boot completes"; service.cpp Reap()',
  comparedByDefault: true,
  build: ({ critical }) => ({
    preset: 'android-critical',
    when: 'always',
    delayUs: 0,
    maxRestarts: Infinity,
    heartbeatMissLimit: 1,
    backoff: { kind: 'restart-period', periodUs: 5 * US_PER_S },
    critical,
    criticalAction: { kind: 'android-init', maxExits: 4, windowUs: 4 * US_PER_MIN },
  }),
};
