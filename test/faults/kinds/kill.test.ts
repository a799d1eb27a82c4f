import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe('kill: X is killed (SIGKILL): a failure', () => {
  test('a kill ends app by signal; a failure, so it is restarted 1 s later', () => {
    const trace = runWith(`  - { at: 5s, kill: app }`);
    expect(storyFrom(trace, 5, ['fault', 'terminated', 'restart', 'state'])).toEqual([
      '5.000s fault app kill',
      '5.000s terminated app kill',
      '5.000s state app running->stopped',
      '6.000s restart app',
      '6.000s state app stopped->starting',
      '6.100s state app starting->running',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 0 });
  });
});
