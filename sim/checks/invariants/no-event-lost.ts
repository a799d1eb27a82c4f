import type { Violation } from '../../trace/trace-file.js';
import { violation, type Invariant, replayFor } from './types.js';

/**
 * With `on_receive: start` the supervisor is started to receive an event and
 * none is lost; with `dispatch_if_started` events are dropped while it is not
 * running, and each drop is recorded. A dropped Stopped event is a reboot that
 * never happens. Excused: a drop by a supervisor that is itself hung (a fault
 * on the supervisor, whatever its delivery mode), or destroyed (it no longer
 * exists to receive anything: the destroy's doing, not the delivery mode's).
 */
export const noEventLost: Invariant = {
  id: 'no-event-lost',
  statement: 'No component lifecycle event (Started, Stopped) is dropped before its supervisor receives it, unless the supervisor itself hangs or was destroyed.',
  rule: 'F10',
  kind: 'safety',
  // States it reads from the shared replay.
  watches: ['event-dropped'],
  observe(scenario, shared) {
    // Built at the first dropped event: most runs drop none (a walk over 10^6 components at set-up).
    let supervisorsOf: Map<string, string[]> | undefined;
    const supervisorsByWatched = (): Map<string, string[]> => {
      const out = new Map<string, string[]>();
      for (const s of scenario.components) {
        for (const watched of s.supervises ?? []) out.set(watched, [...(out.get(watched) ?? []), s.name]);
      }
      return out;
    };
    const { replay, own } = replayFor(scenario, shared);
    return {
      onRecord(r) {
        let out: Violation[] | undefined;
        if (r.type === 'event-dropped') {
          supervisorsOf ??= supervisorsByWatched();
          const supervisors = supervisorsOf.get(r.component) ?? [];
          const noneCanReceive = supervisors.length > 0 && supervisors.every((s) => replay.stateOf(s) === 'hung' || replay.stateOf(s) === 'destroyed');
          if (!noneCanReceive) out = [violation(noEventLost, `${r.event} event of ${r.component} dropped: ${r.reason}`, r.seq)];
        }
        if (own) replay.apply(r);
        return out;
      },
      finish: () => [],
      retained: () => replay.size,
    };
  },
};
