import { US_PER_S, type Micros } from '../../engine/time.js';
import type { Violation } from '../../trace/trace-file.js';
import { RecentBySlot } from '../recent-by-slot.js';
import { bootSet } from '../../scenario/boot-set.js';
import { faultPhaseEndUs, recoveryBoundUs } from './bounds.js';
import { endedCompleted, violation, type Invariant, readinessFor, replayFor } from './types.js';
import type { RecordOf, TraceRecord } from '../../trace/records.js';
import { NameSet } from '../name-set.js';

/** What became of a component in the current boot, as far as liveness cares. */
interface Fate {
  /** `seq` of its last termination, if it terminated in this boot. */
  endedSeq?: number;
  /** Whether the last decision about it since that termination was to restart it, and when that restart is due. */
  restartDueUs?: Micros;
  /** Components whose failure took this one down from outside (a provider, a core daemon, a monitor): it waits for them. */
  blockers?: Set<string>;
  /** Its last start was refused and dropped (systemd's failed start job), and it has not started since: nothing will start it on its own. */
  dropped?: boolean;
}

/**
 * The liveness half of the catalogue, judged in the heal phase: once the
 * faults stop and the bound has passed, every component that should run is
 * running. "Should run" is what its policy decided, read from the trace: a
 * component that never ended in this boot, or whose last decision was a
 * restart. Excused: components given up on (failed) or destroyed; those the
 * policy let stay down (decision `none`); those whose start was refused and
 * dropped (systemd's failed start job: nothing starts them again on its own); those blocked by a dependency, a
 * monitor, or whatever took them down from outside (a provider, a core daemon)
 * that is itself down (that one is judged instead); and a hang when no
 * heartbeat is configured, since nothing can notice it (R3).
 *
 * Online, the fates are kept as the records come (what took a component down
 * is read from the cause of its stop: the last record of each type about each
 * component is kept for that), and judged when the run has ended.
 */
export const recoversAfterFaults: Invariant = {
  id: 'recovers-after-faults',
  statement: 'After the fault phase ends, every component its policy restarts (or never stopped) is running again within the bound, unless given up (failed).',
  rule: 'R2, R3, R4 (liveness)',
  kind: 'liveness',
  observe(scenario, shared) {
    const inv = recoversAfterFaults;
    const boundUs = recoveryBoundUs(scenario);
    // What a stop's cause says about who took the component down: its component, and for a decision who made it.
    // So a cause is kept as its component's name (shared, nothing kept alive), a decision as itself (it says `by`).
    const causes = new RecentBySlot<string | RecordOf<'decision'>>(1, scenario.components);
    const { replay, own } = replayFor(scenario, shared);
    const { readiness, own: ownReadiness } = readinessFor(scenario, shared);
    const fates = new Map<string, Fate>();
    const blockers = new Map<string, Set<string>>();
    let lastFaultUs = 0;
    /** The last record seen (kept, not copied: a record is never changed once written). */
    let last: TraceRecord | undefined;
    // Not started at boot (`start: on-demand`): it should run only once something started it.
    const atBoot = bootSet(scenario.components);
    const startedThisBoot = new NameSet(scenario.components);
    return {
      onRecord(r) {
        last = r;
        if (r.type === 'fault' && r.t > lastFaultUs) lastFaultUs = r.t;
        if (r.type === 'boot-started') {
          fates.clear();
          blockers.clear();
          startedThisBoot.clear();
        } else if (r.type === 'state' && r.to === 'starting') {
          blockers.delete(r.component);
          startedThisBoot.add(r.component);
          const fate = fates.get(r.component);
          if (fate !== undefined) fate.dropped = undefined;
        } else if (r.type === 'start-refused' && r.dropped) {
          const fate = fates.get(r.component);
          if (fate === undefined) fates.set(r.component, { dropped: true });
          else fate.dropped = true;
        }
        else if ((r.type === 'stop-requested' && r.reason !== 'shutdown' && r.reason !== 'destroy') || r.type === 'killed') {
          // Taken down from outside: by the record that caused it (a provider's end, a monitor's decision about another).
          const why = causes.get(r.cause);
          const whose = typeof why === 'string' ? why : why?.component;
          const by = typeof why === 'object' ? why.by : undefined;
          // A set only for a component something took down (most stops name none: no set made and dropped).
          if ((whose !== undefined && whose !== r.component) || (by !== undefined && by !== r.component)) {
            let names = blockers.get(r.component);
            if (names === undefined) blockers.set(r.component, (names = new Set<string>()));
            if (whose !== undefined && whose !== r.component) names.add(whose);
            if (by !== undefined && by !== r.component) names.add(by);
          }
        } else if (r.type === 'terminated') {
          // A new fate, in the entry it has if any (a termination is a tenth of the records).
          const fate = fates.get(r.component);
          if (fate === undefined) fates.set(r.component, { endedSeq: r.seq, blockers: blockers.get(r.component) });
          else {
            fate.endedSeq = r.seq;
            fate.blockers = blockers.get(r.component);
            fate.restartDueUs = fate.dropped = undefined;
          }
        }
        else if (r.type === 'decision') {
          const fate = fates.get(r.component);
          if (fate?.endedSeq !== undefined) fate.restartDueUs = r.action.includes('restart') ? r.t + (r.delayUs ?? 0) : undefined;
        }
        if (r.component !== undefined) causes.remember(r.type, r.seq, r.type === 'decision' ? r : r.component, r.component);
        if (own) replay.apply(r);
        if (ownReadiness) readiness.apply(r);
        return undefined;
      },
      finish() {
        if (!endedCompleted(last)) return []; // no-restart-livelock judges a run cut short
        const endUs = last.t;
        const phaseEndUs = faultPhaseEndUs(scenario, lastFaultUs);
        if (phaseEndUs + boundUs > endUs) return [];
        if (replay.isShuttingDown()) return []; // requested-reboot-completes judges a reboot stuck at the end
        if (replay.isHalted()) return []; // the device sits in a reboot target (Android's bootloader): nothing is meant to run

        const out: Violation[] = [];
        const heartbeats = scenario.system.heartbeatPeriodUs > 0;
        for (const [i, c] of scenario.components.entries()) {
          const state = replay.stateOf(c.name);
          if (state === 'running' || state === 'failed' || state === 'destroyed') continue;
          if (state === 'hung' && !heartbeats) continue;
          if (!atBoot[i] && !startedThisBoot.has(c.name)) continue;
          const up = (d: string): boolean => readiness.isUp(d, replay.stateOf(d) === 'running');
          if (!c.depends.every(up)) continue;
          if ((c.quorums ?? []).some((q) => q.of.filter(up).length < q.k)) continue;
          if (c.monitor !== undefined && replay.stateOf(c.monitor) !== 'running') continue;
          const fate = fates.get(c.name) ?? {};
          if (fate.dropped) continue; // its start job failed and is gone: down is what the system does
          if (fate.blockers && [...fate.blockers].some((b) => scenario.components.some((x) => x.name === b) && replay.stateOf(b) !== 'running')) continue;
          if (state === 'stopped' && fate.endedSeq !== undefined) {
            if (fate.restartDueUs === undefined) continue; // the policy chose to leave it down
            if (fate.restartDueUs + boundUs > endUs) continue; // a long backoff: not due yet
          }
          out.push(violation(inv, `${c.name} is ${state}, not running, ${(endUs - phaseEndUs) / US_PER_S}s after the last fault (bound ${boundUs / US_PER_S}s)`, fate.endedSeq));
        }
        return out;
      },
      retained() {
        let n = causes.size + replay.size + fates.size + startedThisBoot.size;
        for (const names of blockers.values()) n += names.size;
        return n;
      },
    };
  },
};
