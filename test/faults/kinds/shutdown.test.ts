import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe('shutdown: a user asks for a graceful reboot (F11: the reason is recorded)', () => {
  test("the user's reboot: an orderly shutdown, then a boot", () => {
    const trace = runWith(`  - { at: 5s, shutdown: user-request }`);
    expect(storyFrom(trace, 5, ['fault', 'reboot-requested', 'shutdown-started', 'shutdown-completed', 'boot-started'])).toEqual([
      '5.000s fault shutdown',
      '5.000s reboot-requested',
      '5.000s shutdown-started',
      '5.150s shutdown-completed',
      '6.150s boot-started',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 1, ungraceful: 0 });
  });
});
