import type { Termination } from '../../trace/records.js';
import type { Violation } from '../../trace/trace-file.js';
import { RecentBySlot } from '../recent-by-slot.js';
import { QUIET_OBSERVER, violation, type Invariant, replayFor } from './types.js';

/** F9 (and R1): exit code 0 is a proper stop; any other ending is a failure. */
function isFailure(t: Termination): boolean {
  return !(t.kind === 'exit' && t.exitCode === 0);
}

export const criticalProcessFailurePanics: Invariant = {
  id: 'critical-process-failure-panics',
  statement: 'A main_process_critical component that fails (non-zero exit or kill) outside shutdown panics the system at once; a clean exit never does.',
  rule: 'F9',
  kind: 'safety',
  observe(scenario, shared) {
    const critical = new Set(scenario.components.filter((c) => c.mainProcessCritical).map((c) => c.name));
    if (critical.size === 0) return QUIET_OBSERVER;
    const inv = criticalProcessFailurePanics;
    // A panic names the termination that caused it: the last one of each critical component is all it can name.
    const endings = new RecentBySlot<{ component: string; failure: boolean }>();
    const { replay, own } = replayFor(scenario, shared);
    const destroying = new Set<string>();
    // A failure waits for its panic until virtual time moves on.
    let pending: { seq: number; t: number; component: string } | undefined;
    let last: { type: string; t: number } | undefined;
    return {
      onRecord(r) {
        let out: Violation[] | undefined;
        last = r;
        if (pending && r.t > pending.t) {
          out = [violation(inv, `${pending.component} failed and the system did not panic`, pending.seq)];
          pending = undefined;
        }
        if (r.type === 'stop-requested' && r.reason === 'destroy') destroying.add(r.component);
        else if (r.type === 'state' && r.to === 'starting') destroying.delete(r.component);
        else if (r.type === 'panic') {
          pending = undefined;
          const ended = endings.get(r.cause);
          if (ended && !ended.failure) (out ??= []).push(violation(inv, `${ended.component} exited cleanly and the system panicked`, r.seq));
        } else if (r.type === 'terminated' && critical.has(r.component)) {
          endings.remember(r.component, r.seq, { component: r.component, failure: isFailure(r.termination) });
          if (!replay.isShuttingDown() && !destroying.has(r.component) && isFailure(r.termination)) pending ??= { seq: r.seq, t: r.t, component: r.component };
        }
        if (own) replay.apply(r);
        return out;
      },
      finish() {
        if (pending && last?.type === 'run-ended' && last.t > pending.t) return [violation(inv, `${pending.component} failed and the system did not panic`, pending.seq)];
        return [];
      },
      retained: () => endings.size + replay.size + destroying.size + (pending ? 1 : 0),
    };
  },
};
