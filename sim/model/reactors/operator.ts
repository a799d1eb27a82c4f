import type { Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type Reactor } from '../reactor.js';
import { isAlive, systemIsStopping } from '../state.js';
import { restartPropagation, stopPropagation } from './bindings.js';
import { startJob } from './monitor.js';

/**
 * An operator's systemctl (systemctl(1)), as the jobs systemd runs for it:
 * - start: a start job; the start limit is tested when it runs, so manual
 *   starts count toward it (unit_start() -> unit_test_start_limit()); a unit
 *   already running is left alone.
 * - stop: a stop job; a unit waiting for its automatic restart does not restart
 *   (service_enter_restart(): "Stop job pending for unit, skipping automatic
 *   restart"), and it is not restarted by its Restart= when it ends
 *   (service_enter_dead(): `if (unit_stop_pending(UNIT(s))) allow_restart = false`);
 *   the stop propagates to BindsTo= and PartOf= units.
 * - restart: a stop, then a start (tested against the start limit), and a
 *   try-restart of BindsTo= and PartOf= units; an inactive unit is just started.
 * - reset-failed: unit_reset_failed() clears the start-limit counter
 *   (`ratelimit_reset(&u->start_ratelimit)`) and a failed unit becomes inactive
 *   (service_reset_failed()); systemd #10529 is the report of units left
 *   failed at start-limit-hit until an operator did this.
 */
export const onOperator: Reactor<FactOf<'operator'>> = (s, fact, ctx) => {
  if (systemIsStopping(s)) return NO_COMMANDS;
  const { c, seq } = fact;
  const alive = isAlive(s.components[c]!.life.state);
  switch (fact.action) {
    case 'start':
      return startJob(s, ctx, c, seq, 0);
    case 'stop': {
      const out: Command[] = [{ do: 'stop', c, reason: 'operator', cause: seq }, { do: 'cancel-auto-restart', c }];
      return [...out, ...stopPropagation(s, ctx, c, seq, out.length)];
    }
    case 'restart': {
      // The restart's start runs through the restart timer, where the start limit is tested.
      const out: Command[] = alive ? [{ do: 'stop', c, reason: 'operator', cause: seq }, { do: 'schedule-restart', c, delayUs: 0, cause: seq, quiet: true }] : startJob(s, ctx, c, seq, 0);
      return [...out, ...restartPropagation(s, ctx, c, seq, out.length, false)];
    }
    case 'reset-failed':
      return [{ do: 'reset-failed', c, cause: seq }];
  }
};
