import { US_PER_S } from '../../engine/time.js';
import type { GroupStrategy } from '../types.js';
import type { Preset } from './preset.js';

/**
 * The three OTP presets differ only in the supervisor's strategy; each has
 * its own module, and this builds the shared numbers.
 */
export function otpSupervisorPreset(strategy: Extract<GroupStrategy, 'one_for_one' | 'one_for_all' | 'rest_for_one'>, comparedByDefault: boolean): Preset {
  const name = `otp-${strategy.replaceAll('_', '-')}`;
  return {
    name,
    summary: `Erlang/OTP supervisor, strategy ${strategy}, permanent children restarted at once, intensity 1 per 5 s; exceeding it stops the children in reverse start order and escalates (at the top: a graceful reboot)`,
    source: 'OTP supervisor(3): intensity defaults to 1 and period to 5 s; restart permanent; children terminated in reverse start order',
    comparedByDefault,
    build: ({ critical }) => ({
      preset: name,
      when: 'always',
      delayUs: 0,
      maxRestarts: Infinity,
      heartbeatMissLimit: 1,
      supervisor: { strategy, intensity: { maxRestarts: 1, periodUs: 5 * US_PER_S } },
      rootSupervisor: { strategy, intensity: { maxRestarts: 1, periodUs: 5 * US_PER_S } },
      critical,
    }),
  };
}
