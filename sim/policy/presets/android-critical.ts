import { US_PER_MIN, US_PER_S } from '../../engine/time.js';
import type { Preset } from './preset.js';

export const androidCritical: Preset = {
  name: 'android-critical',
  summary: 'Android init: every service restarted at its last start + restart_period 5 s; a critical one exiting more than 4 times in 4 min (window anchored at the exit that opened it) or before boot completes reboots into the bootloader, where the device stays (no boot follows)',
  source: 'Android init README (system/core/init): restart_period defaults to 5s; "critical [window=<fatal crash window mins>] [target=<fatal reboot target>] ... default value of fatal reboot target is bootloader"; service.cpp Reap(); reboot_utils.cpp InitFatalReboot',
  comparedByDefault: true,
  build: ({ critical }) => ({
    preset: 'android-critical',
    when: 'always',
    delayUs: 0,
    maxRestarts: Infinity,
    heartbeatMissLimit: 1,
    backoff: { kind: 'restart-period', periodUs: 5 * US_PER_S },
    critical,
    criticalAction: { kind: 'android-init', maxExits: 4, windowUs: 4 * US_PER_MIN, target: 'bootloader' },
  }),
};
