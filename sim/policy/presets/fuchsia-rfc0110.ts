import type { Preset } from './preset.js';

export const fuchsiaRfc0110: Preset = {
  name: 'fuchsia-rfc0110',
  summary: 'Fuchsia: components started again on their next use (modelled as at once); a critical one that terminates for any reason reboots gracefully (on_terminate: reboot)',
  source: 'Fuchsia RFC-0110 "Reboot on terminate" (F1: any termination, including a normal exit, triggers a graceful reboot)',
  comparedByDefault: true,
  build: ({ critical }) => ({
    preset: 'fuchsia-rfc0110',
    when: 'always',
    delayUs: 0,
    maxRestarts: Infinity,
    heartbeatMissLimit: 1,
    critical,
    criticalAction: { kind: 'reboot', mode: 'graceful', on: 'any' },
  }),
};
