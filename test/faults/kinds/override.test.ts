import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe("override: not a fault: replaces X's recovery policy from then on (R2)", () => {
  test("app's on-failure policy replaced by never at 5 s: the crash at 6 s is not restarted", () => {
    const trace = runWith(`  - { at: 5s, override: app, restart: never }
  - { at: 6s, crash: app }`);
    expect(storyFrom(trace, 5, ['fault', 'terminated', 'restart', 'state'])).toEqual([
      '5.000s fault app override',
      '6.000s fault app crash',
      '6.000s terminated app exit 1',
      '6.000s state app running->stopped',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 0 });
  });
});
