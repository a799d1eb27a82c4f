import { describe, expect, test } from 'vitest';
import { DIRECT_RESTART_IS_PLAIN_START_SINCE, restartPropagates } from '../../sim/policy/bindings.js';
import type { RecoveryPolicy } from '../../sim/policy/types.js';

/** service_enter_restart(): JOB_RESTART_DEPENDENCIES through v256; JOB_REPLACE for RestartMode=direct from v257 (PR #34768). */
describe('whether a restart propagates try-restarts', () => {
  const policy = (restartMode: 'normal' | 'direct', systemdVersion?: number): RecoveryPolicy => ({
    when: 'on-failure', delayUs: 0, maxRestarts: Infinity, heartbeatMissLimit: 1, restartMode, ...(systemdVersion !== undefined ? { systemdVersion } : {}),
  });
  test('the version is 257', () => expect(DIRECT_RESTART_IS_PLAIN_START_SINCE).toBe(257));
  test.each([
    ['normal', 256, true, true],
    ['normal', 257, true, true],
    ['direct', 255, true, true],
    ['direct', 256, true, true],
    ['direct', 257, true, false],
    ['direct', 258, true, false],
    ['direct', 257, false, true],
  ] as const)('RestartMode=%s under %i, automatic %s: %s', (mode, version, automatic, propagates) => {
    expect(restartPropagates(policy(mode, version), automatic)).toBe(propagates);
  });
  test('the default version (255) propagates a direct restart', () => expect(restartPropagates(policy('direct'), true)).toBe(true));
});
