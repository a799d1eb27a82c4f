import { US_PER_S } from '../../engine/time.js';
import type { Violation } from '../../trace/trace-file.js';
import { TraceReplay } from '../replay.js';
import { criticalRebootBoundUs, runEndUs } from './bounds.js';
import { violation, type Invariant } from './types.js';

export const criticalTerminationReboots: Invariant = {
  id: 'critical-termination-reboots',
  statement: 'A reboot-on-terminate component that terminates outside shutdown brings a reboot (graceful or panic) within the bound.',
  rule: 'F1, F7',
  kind: 'liveness',
  check(records, scenario) {
    const sys = scenario.system;
    if (!sys.rebootOnTerminate.enabled) return [];
    const critical = new Set(scenario.components.filter((c) => c.onTerminate === 'reboot').map((c) => c.name));
    if (critical.size === 0) return [];
    const boundUs = criticalRebootBoundUs(scenario);
    const end = runEndUs(records);
    const replay = new TraceReplay();
    const out: Violation[] = [];
    const destroying = new Set<string>();
    // Terminations still waiting for their reboot, oldest first; a reboot answers all of them.
    let waiting: { seq: number; t: number; component: string }[] = [];
    const expire = (nowUs: number): void => {
      const late = waiting.filter((w) => w.t + boundUs < nowUs);
      for (const w of late) out.push(violation(this, `${w.component} terminated and no reboot followed within ${boundUs / US_PER_S}s`, w.seq));
      if (late.length > 0) waiting = waiting.filter((w) => w.t + boundUs >= nowUs);
    };
    for (const r of records) {
      expire(r.t);
      if (r.type === 'stop-requested' && r.reason === 'destroy') destroying.add(r.component);
      else if (r.type === 'state' && r.to === 'starting') destroying.delete(r.component);
      else if (r.type === 'shutdown-started' || r.type === 'panic') waiting = [];
      else if (r.type === 'terminated' && critical.has(r.component) && !replay.isShuttingDown() && !destroying.has(r.component)) {
        const graceful = r.termination.kind === 'exit' && r.termination.exitCode === 0;
        if (!(sys.rebootOnTerminate.trigger === 'non-graceful-exit' && graceful)) waiting.push({ seq: r.seq, t: r.t, component: r.component });
      }
      replay.apply(r);
    }
    // Those whose bound ran past the end of the run are not judged.
    expire(end);
    return out;
  },
};
