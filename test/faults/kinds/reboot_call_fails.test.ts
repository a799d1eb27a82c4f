import { describe, expect, test } from 'vitest';
import { runWith, storyFrom } from './system.js';

describe('reboot_call_fails: the next Admin.Reboot call returns an error: the component manager panics (F7)', () => {
  test("/core/net's crash asks for a reboot; the call fails, so the system panics: an ungraceful reboot, no orderly shutdown", () => {
    const trace = runWith(`  - { at: 5s, reboot_call_fails: true }
  - { at: 6s, crash: /core/net }`);
    expect(storyFrom(trace, 6, ['reboot-requested', 'panic', 'shutdown-started'])).toEqual([
      '6.000s reboot-requested /core/net',
      '6.000s panic',
    ]);
    expect(trace.summary.reboots).toEqual({ graceful: 0, ungraceful: 1 });
  });
});
