import { US_PER_MS, US_PER_S } from '../../engine/time.js';
import type { Preset } from './preset.js';

export const redoxRestartDependents: Preset = {
  name: 'redox-restart-dependents',
  summary: 'Redox service monitor: recovery(500ms) after failures only; a service failing again within 5 s of a restart is unresponsive (failed); dependents are restarted with it',
  source: 'Redox service-and-driver-recovery RFC (R1 exit 0 = stopped properly, R6 restart-storm guard, R8 "restart only the services that depend on it"); 500 ms and 5 s are recsim choices for "recovery(ms)" and "a few seconds"',
  comparedByDefault: true,
  build: ({ critical }) => ({
    preset: 'redox-restart-dependents',
    when: 'on-failure',
    delayUs: 500 * US_PER_MS,
    maxRestarts: Infinity,
    heartbeatMissLimit: 1,
    backoff: { kind: 'fixed' },
    stormGuardUs: 5 * US_PER_S,
    supervisor: { strategy: 'restart-dependents' },
    rootSupervisor: { strategy: 'restart-dependents' },
    critical,
  }),
};
