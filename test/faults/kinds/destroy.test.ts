import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe('destroy: DestroyChild: X is stopped and destroyed, and does not reboot the system (F2)', () => {
  test('/core/net (on_terminate: reboot) is destroyed: it stops, is destroyed, and nothing reboots', () => {
    const trace = runWith(`  - { at: 5s, destroy: /core/net }`);
    expect(storyFrom(trace, 5, ['fault', 'stop-requested', 'terminated', 'state', 'reboot-requested'])).toEqual([
      '5.000s fault /core/net destroy',
      '5.000s stop-requested /core/net destroy',
      '5.000s state /core/net running->stopping',
      '5.050s terminated /core/net exit 0',
      '5.050s state /core/net stopping->destroyed',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 0 });
  });
});
