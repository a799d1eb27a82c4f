import type { Termination } from '../../trace/records.js';
import type { Violation } from '../../trace/trace-file.js';
import { TraceReplay } from '../replay.js';
import { recordIndex } from './record-index.js';
import { violation, type Invariant } from './types.js';

/** F9 (and R1): exit code 0 is a proper stop; any other ending is a failure. */
function isFailure(t: Termination): boolean {
  return !(t.kind === 'exit' && t.exitCode === 0);
}

export const criticalProcessFailurePanics: Invariant = {
  id: 'critical-process-failure-panics',
  statement: 'A main_process_critical component that fails (non-zero exit or kill) outside shutdown panics the system at once; a clean exit never does.',
  rule: 'F9',
  kind: 'safety',
  check(records, scenario) {
    const critical = new Set(scenario.components.filter((c) => c.mainProcessCritical).map((c) => c.name));
    if (critical.size === 0) return [];
    const at = recordIndex(records);
    const replay = new TraceReplay();
    const destroying = new Set<string>();
    const out: Violation[] = [];
    // A failure waits for its panic until virtual time moves on.
    let pending: { seq: number; t: number; component: string } | undefined;
    for (const r of records) {
      if (pending && r.t > pending.t) {
        out.push(violation(this, `${pending.component} failed and the system did not panic`, pending.seq));
        pending = undefined;
      }
      if (r.type === 'stop-requested' && r.reason === 'destroy') destroying.add(r.component);
      else if (r.type === 'state' && r.to === 'starting') destroying.delete(r.component);
      else if (r.type === 'panic') {
        pending = undefined;
        const ended = at(r.cause);
        if (ended?.type === 'terminated' && critical.has(ended.component) && !isFailure(ended.termination)) {
          out.push(violation(this, `${ended.component} exited cleanly and the system panicked`, r.seq));
        }
      } else if (r.type === 'terminated' && critical.has(r.component) && !replay.isShuttingDown() && !destroying.has(r.component) && isFailure(r.termination)) {
        pending ??= { seq: r.seq, t: r.t, component: r.component };
      }
      replay.apply(r);
    }
    if (pending && records.at(-1)?.type === 'run-ended' && records.at(-1)!.t > pending.t) {
      out.push(violation(this, `${pending.component} failed and the system did not panic`, pending.seq));
    }
    return out;
  },
};
