import { US_PER_S } from '../../engine/time.js';
import type { Preset } from './preset.js';

export const minixRs: Preset = {
  name: 'minix-rs',
  summary: 'MINIX 3 reincarnation server: restart at once, then 2^n periods of 1 s capped at 30 (0, 2, 4, 8, 16, 30, 30 s); killed after 2 missed pings; a critical (core) service failing panics',
  source: 'MINIX 3 servers/rs: manager.c binary exponential backoff, const.h MAX_BACKOFF 30 and RS_DELTA_T = system_hz (1 s); request.c ping timeout 2 periods',
  comparedByDefault: true,
  build: ({ critical }) => ({
    preset: 'minix-rs',
    when: 'always',
    delayUs: 0,
    maxRestarts: Infinity,
    heartbeatMissLimit: 2,
    backoff: { kind: 'minix', periodUs: US_PER_S, capPeriods: 30 },
    critical,
    criticalAction: { kind: 'reboot', mode: 'immediate', on: 'failure' },
  }),
};
