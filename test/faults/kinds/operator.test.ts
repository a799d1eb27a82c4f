import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe("operator: not a fault: an operator's systemctl on X", () => {
  test('systemctl restart app: a stop job, then the restart', () => {
    const trace = runWith(`  - { at: 5s, operator: app, action: restart }`);
    expect(storyFrom(trace, 5, ['operator', 'stop-requested', 'terminated', 'restart', 'state'])).toEqual([
      '5.000s operator app',
      '5.000s stop-requested app operator',
      '5.000s state app running->stopping',
      '5.050s terminated app exit 0',
      '5.050s state app stopping->stopped',
      '5.050s restart app',
      '5.050s state app stopped->starting',
      '5.150s state app starting->running',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 0 });
  });
});
