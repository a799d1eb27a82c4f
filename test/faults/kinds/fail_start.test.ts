import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe("fail_start: X's next start fails: the process exits during start", () => {
  test("armed at 5 s, it waits for app's next start: the restart after the crash at 6 s fails at 7.1 s", () => {
    const trace = runWith(`  - { at: 5s, fail_start: app }
  - { at: 6s, crash: app }`);
    expect(storyFrom(trace, 5, ['fault', 'restart', 'state', 'start-failed', 'terminated'])).toEqual([
      '5.000s fault app fail-start',
      '6.000s fault app crash',
      '6.000s terminated app exit 1',
      '6.000s state app running->stopped',
      '7.000s restart app',
      '7.000s state app stopped->starting',
      '7.100s start-failed app',
      '7.100s terminated app exit 1',
      '7.100s state app starting->stopped',
      '8.100s restart app',
      '8.100s state app stopped->starting',
      '8.200s state app starting->running',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 0 });
  });
});
