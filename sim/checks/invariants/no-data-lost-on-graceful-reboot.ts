import { faultCounts } from '../../faults/registry.js';
import type { Violation } from '../../trace/trace-file.js';
import { RecentBySlot } from '../recent-by-slot.js';
import { violation, type Invariant, replayFor } from './types.js';

/** What a kept stop or ending says, as bits: a fault asked for it; it came before the shutdown began. */
const BY_FAULT = 1;
const BEFORE_SHUTDOWN = 2;

/**
 * A component hit by a fault whose kind excuses the loss (it hangs, ignores
 * or slows its stop: `counts.excusesDataLoss` in its module) is killed after
 * the stop timeout (F8) and loses what it had not flushed; so does one crashed by a
 * fault in the middle of the shutdown. Those losses are the fault's, not the
 * shutdown's, and are excused. So is work saved to a store that was already
 * down when the shutdown began (R8: the loss names the store's end as its
 * cause): no shutdown order can save it. Any other loss during a graceful
 * shutdown is the shutdown's: a store stopped before its writers.
 *
 * Online, a loss names the termination that caused it and that termination
 * names its own cause: the last few faults and the last termination of each
 * component are enough to tell whether a fault ended it.
 */
export const noDataLostOnGracefulReboot: Invariant = {
  id: 'no-data-lost-on-graceful-reboot',
  statement: 'During a graceful shutdown, no component that honours its stop request loses unflushed data.',
  rule: 'F8',
  kind: 'safety',
  // What its windows read (power and other states: from the shared replay); a record of any other type changes nothing here.
  watches: ['fault', 'stop-requested', 'terminated', 'state:starting', 'state:hung', 'data-lost'],
  observe(scenario, shared) {
    // Each window is one slot whose sub-slots are the components (kept by position, not in a map of names),
    // and what a stop or an ending says is two bits (BY_FAULT, BEFORE_SHUTDOWN), not an object per record.
    const faults = new RecentBySlot<true>(4, scenario.components);
    const endings = new RecentBySlot<number>(1, scenario.components);
    const stops = new RecentBySlot<number>(1, scenario.components);
    const { replay, own } = replayFor(scenario, shared);
    const misbehaving = new Set<string>();
    // The cause of each component's current hang (a hang is always a fault's): a save to a hung store names it.
    const hangs = new RecentBySlot<true>(1, scenario.components);
    return {
      onRecord(r) {
        let out: Violation[] | undefined;
        if (r.type === 'fault') {
          faults.remember('fault', r.seq, true, r.component ?? '');
          if (r.component !== undefined && faultCounts(r.fault).excusesDataLoss) misbehaving.add(r.component);
        } else if (r.type === 'stop-requested') {
          stops.remember('stop', r.seq, (faults.get(r.cause) === true ? BY_FAULT : 0) | (replay.power !== 'shutting-down' ? BEFORE_SHUTDOWN : 0), r.component);
        } else if (r.type === 'terminated') {
          // Ended by a fault, or by a stop a fault asked for; before the shutdown, or by a stop asked for before it (a store already going down).
          const stop = stops.get(r.cause) ?? 0;
          const byFault = faults.get(r.cause) === true || (stop & BY_FAULT) !== 0;
          const beforeShutdown = replay.power !== 'shutting-down' || (stop & BEFORE_SHUTDOWN) !== 0;
          endings.remember('ending', r.seq, (byFault ? BY_FAULT : 0) | (beforeShutdown ? BEFORE_SHUTDOWN : 0), r.component);
        }
        else if (r.type === 'state' && r.to === 'starting') misbehaving.delete(r.component);
        else if (r.type === 'state' && r.to === 'hung' && r.cause !== undefined) hangs.remember('hang', r.cause, true, r.component);
        else if (r.type === 'data-lost' && replay.power === 'shutting-down') {
          const ending = endings.get(r.cause);
          // Caused by a fault directly (a store that hangs), or by a store's end that a fault caused or that came before the shutdown.
          const excused = faults.get(r.cause) === true || hangs.get(r.cause) === true || (ending !== undefined && ending !== 0);
          if (!excused && !misbehaving.has(r.component)) {
            out = [violation(noDataLostOnGracefulReboot, `${r.component} lost ${r.bytes} unflushed bytes during a graceful shutdown`, r.seq)];
          }
        }
        if (own) replay.apply(r);
        return out;
      },
      finish: () => [],
      retained: () => faults.size + hangs.size + stops.size + endings.size + replay.size + misbehaving.size,
    };
  },
};
