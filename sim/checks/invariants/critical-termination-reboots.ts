import { US_PER_S } from '../../engine/time.js';
import type { Violation } from '../../trace/trace-file.js';
import { criticalRebootBoundUs } from './bounds.js';
import { QUIET_OBSERVER, violation, type Invariant, replayFor } from './types.js';

export const criticalTerminationReboots: Invariant = {
  id: 'critical-termination-reboots',
  statement: 'A reboot-on-terminate component that terminates outside shutdown brings a reboot (graceful or panic) within the bound.',
  rule: 'F1, F7',
  kind: 'liveness',
  observe(scenario, shared) {
    const sys = scenario.system;
    if (!sys.rebootOnTerminate.enabled) return QUIET_OBSERVER;
    const critical = new Set(scenario.components.filter((c) => c.onTerminate === 'reboot').map((c) => c.name));
    if (critical.size === 0) return QUIET_OBSERVER;
    const inv = criticalTerminationReboots;
    const boundUs = criticalRebootBoundUs(scenario);
    const { replay, own } = replayFor(scenario, shared);
    const destroying = new Set<string>();
    // Terminations still waiting for their reboot, oldest first; a reboot answers all of them, and each expires after the bound.
    let waiting: { seq: number; t: number; component: string }[] = [];
    let endUs = 0;
    const expire = (nowUs: number): Violation[] | undefined => {
      const late = waiting.filter((w) => w.t + boundUs < nowUs);
      if (late.length === 0) return undefined;
      waiting = waiting.filter((w) => w.t + boundUs >= nowUs);
      return late.map((w) => violation(inv, `${w.component} terminated and no reboot followed within ${boundUs / US_PER_S}s`, w.seq));
    };
    return {
      onRecord(r) {
        endUs = r.t;
        const out = waiting.length > 0 ? expire(r.t) : undefined;
        if (r.type === 'stop-requested' && r.reason === 'destroy') destroying.add(r.component);
        else if (r.type === 'state' && r.to === 'starting') destroying.delete(r.component);
        else if (r.type === 'shutdown-started' || r.type === 'panic') waiting = [];
        else if (r.type === 'terminated' && critical.has(r.component) && !replay.isShuttingDown() && !destroying.has(r.component)) {
          const graceful = r.termination.kind === 'exit' && r.termination.exitCode === 0;
          if (!(sys.rebootOnTerminate.trigger === 'non-graceful-exit' && graceful)) waiting.push({ seq: r.seq, t: r.t, component: r.component });
        }
        if (own) replay.apply(r);
        return out;
      },
      // Those whose bound ran past the end of the run are not judged.
      finish: () => expire(endUs) ?? [],
      retained: () => waiting.length + destroying.size + replay.size,
    };
  },
};
