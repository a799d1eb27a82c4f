import { US_PER_S, type Micros } from '../../engine/time.js';
import type { Violation } from '../../trace/trace-file.js';
import type { ComponentSpec } from '../../scenario/types.js';
import { NameSet } from '../name-set.js';
import { bootSet } from '../../scenario/boot-set.js';
import { componentIndex } from '../../scenario/component-index.js';
import { faultPhaseEndUs, recoveryBoundUs } from './bounds.js';
import { endedCompleted, violation, type Invariant, readinessFor, replayFor } from './types.js';
import type { TraceRecord } from '../../trace/records.js';

/** What the trace has said about a component since the current boot began. */
interface Said {
  /** Its last termination in this boot was followed by a decision that is not a restart (none, give-up): its policy leaves it down. */
  leftDown?: boolean;
  /** When the restart its last decision asked for is due. */
  restartDueUs?: Micros;
  /** The dependencies its last refused start named (R4), until it starts. */
  refusedFor?: readonly string[];
  /** Its last start was refused and dropped (`dropped`: systemd's failed start job), until it starts: nothing will start it on its own. */
  dropped?: boolean;
}

/**
 * R4 (DESIGN.md): "a service is not started until its dependencies run (the
 * error names the missing ones), at boot as well as on a restart". A boot
 * either completes (every component running, failed or destroyed: the model's
 * `boot-completed`) or the trace says why it cannot: each component still
 * unsettled is one its policy left down, one whose refused start names a
 * dependency that is still not running (or was dropped: systemd's failed
 * start job, which nothing starts again on its own), one whose monitor is down, or a hang
 * nothing watches (R3). A component waiting without a word is the silent
 * boot this invariant exists to catch: its violation names the component and
 * the dependencies it is waiting for.
 *
 * Judged once the run has ended, on the last boot, when the fault phase and
 * the recovery bound have both passed since the boot began (a boot still
 * under fire is recovers-after-faults' and no-restart-livelock's concern).
 */
export const bootCompletes: Invariant = {
  id: 'boot-completes',
  statement: 'Every boot completes within the bound, or each component left waiting has a start-refused naming a dependency that is down.',
  rule: 'R4 (liveness)',
  kind: 'liveness',
  // Other states, power and readiness (probe records): from the shared replays.
  watches: ['boot-started', 'boot-completed', 'state:starting', 'terminated', 'decision', 'start-refused', 'fault', 'run-ended'],
  observe(scenario, shared) {
    const inv = bootCompletes;
    const boundUs = recoveryBoundUs(scenario);
    const { replay, own } = replayFor(scenario, shared);
    const { readiness, own: ownReadiness } = readinessFor(scenario, shared);
    const said = new Map<string, Said>();
    const atBoot = bootSet(scenario.components);
    const index = componentIndex(scenario.components);
    const startedThisBoot = new NameSet(scenario.components);
    const saidOf = (name: string): Said => {
      let s = said.get(name);
      if (!s) said.set(name, (s = {}));
      return s;
    };
    let boot: { seq: number; n: number; t: Micros; completed: boolean } | undefined;
    let lastFaultUs = 0;
    /** The last record seen (kept, not copied: a record is never changed once written). */
    let last: TraceRecord | undefined;

    /** Whether the trace gives a reason for `spec` to stay unsettled. */
    const excused = (spec: ComponentSpec, endUs: Micros): boolean => {
      const name = spec.name;
      const state = replay.stateOf(name);
      // Not started at boot (`start: on-demand`) and nothing started it: down is where it belongs.
      if (!atBoot[index.get(name)!] && !startedThisBoot.has(name)) return true;
      const s = said.get(name) ?? {};
      if (s.leftDown) return true;
      if (s.restartDueUs !== undefined && s.restartDueUs + boundUs > endUs) return true; // a long backoff, not due yet
      if (s.refusedFor?.some((d) => replay.stateOf(d) !== 'running')) return true;
      // A start refused and dropped says why for good: the unit it named may run again, the job is gone.
      if (s.dropped) return true;
      if (state === 'hung' && scenario.system.heartbeatPeriodUs === 0) return true;
      // Kubernetes: a dependency still becoming ready (its readiness probe records say so), or a quorum short of k.
      // (Running or hung: a hung provider fails its readiness probe, and the probe's records say so.)
      if (spec.depends.some((d) => readiness.isWarmingUp(d, replay.stateOf(d) === 'running' || replay.stateOf(d) === 'hung'))) return true;
      if (spec.quorums?.some((q) => q.of.filter((m) => readiness.isUp(m, replay.stateOf(m) === 'running')).length < q.k)) return true;
      return spec.monitor !== undefined && replay.stateOf(spec.monitor) !== 'running';
    };

    return {
      onRecord(r) {
        last = r;
        if (own) replay.apply(r);
        if (ownReadiness) readiness.apply(r);
        switch (r.type) {
          case 'boot-started':
            boot = { seq: r.seq, n: r.boot, t: r.t, completed: false };
            said.clear();
            startedThisBoot.clear();
            break;
          case 'boot-completed':
            if (boot) boot.completed = true;
            break;
          case 'fault':
            lastFaultUs = Math.max(lastFaultUs, r.t);
            break;
          case 'state':
            if (r.to === 'starting') {
              // Nothing said reads as said = {}: a start creates no entry (a million of them at boot).
              const s = said.get(r.component);
              if (s) s.refusedFor = s.dropped = undefined;
              startedThisBoot.add(r.component);
            }
            break;
          case 'terminated': {
            // Nothing said since: the entry it has is emptied in place (a termination is a tenth of the records).
            const s = said.get(r.component);
            if (s === undefined) said.set(r.component, {});
            else s.leftDown = s.restartDueUs = s.refusedFor = s.dropped = undefined;
            break;
          }
          case 'decision': {
            const s = saidOf(r.component);
            const restarts = r.action.includes('restart');
            s.leftDown = !restarts;
            s.restartDueUs = restarts ? r.t + (r.delayUs ?? 0) : undefined;
            break;
          }
          case 'start-refused': {
            const s = saidOf(r.component);
            s.refusedFor = r.missing;
            s.dropped = r.dropped;
            break;
          }
        }
        return undefined;
      },
      finish() {
        if (!boot || boot.completed || !endedCompleted(last)) return [];
        if (replay.isShuttingDown()) return []; // requested-reboot-completes judges a reboot stuck at the end
        if (replay.isHalted()) return []; // the device sits in a reboot target (Android's bootloader): nothing is meant to run
        const endUs = last.t;
        const judgedFromUs = Math.max(boot.t, faultPhaseEndUs(scenario, lastFaultUs));
        if (judgedFromUs + boundUs > endUs) return [];
        const out: Violation[] = [];
        for (const c of scenario.components) {
          const state = replay.stateOf(c.name);
          if (state === 'running' || state === 'failed' || state === 'destroyed') continue;
          if (excused(c, endUs)) continue;
          const down = c.depends.filter((d) => replay.stateOf(d) !== 'running');
          const waiting = down.length > 0 ? `waiting for ${down.join(', ')} with no start-refused naming them` : 'with nothing in the trace saying why';
          out.push(violation(inv, `boot ${boot.n} (at ${boot.t / US_PER_S}s) never completed: ${c.name} is ${state}, ${waiting}`, boot.seq));
        }
        return out;
      },
      retained: () => said.size + replay.size + startedThisBoot.size,
    };
  },
};
