import { formatInstant, US_PER_S, type Micros } from '../../engine/time.js';
import { describeTermination } from '../../policy/termination.js';
import type { ComponentSpec } from '../../scenario/types.js';
import type { TraceRecord } from '../../trace/records.js';
import type { Violation } from '../../trace/trace-file.js';
import { RecentBySlot } from '../recent-by-slot.js';
import { RecentStates, type StateLink } from '../recent-states.js';
import { NameSet } from '../name-set.js';
import { TraceReplay } from '../replay.js';
import { faultPhaseEndUs, recoveryBoundUs } from './bounds.js';
import { endedCompleted, violation, type Invariant, type InvariantObserver, replayFor } from './types.js';

/** The one fault of the run: what it was, where and when. */
interface TheFault {
  seq: number;
  t: Micros;
  kind: string;
  component?: string;
  exitCode?: number;
}

/** Links a chain prints at most: a chain longer than this is cut (with "...") where the fault is far back. */
const CHAIN_LINKS_MAX = 10;

/** Records whose latest one about a component says why it is down: the start of its chain. */
const DOWN_TYPES: ReadonlySet<TraceRecord['type']> = new Set(['terminated', 'killed', 'decision', 'start-refused', 'start-failed', 'stop-requested', 'event-dropped']);

/** One link, short: `#18 coremon decides none for ahcid (restart never ...)`. */
function linkText(r: TraceRecord | StateLink): string {
  const who = r.component ?? '';
  switch (r.type) {
    case 'fault':
      return `#${r.seq} fault ${r.fault}${who ? ` ${who}` : ''}`;
    case 'terminated':
      return `#${r.seq} ${who} terminated (${describeTermination(r.termination)})`;
    case 'decision':
      return `#${r.seq} ${r.by} decides ${r.action} for ${who} (${r.reason})`;
    case 'start-refused':
      return `#${r.seq} ${who} start refused (missing ${r.missing.join(', ')})`;
    case 'start-failed':
      return `#${r.seq} ${who} failed to start (${r.reason})`;
    case 'stop-requested':
      return `#${r.seq} stop of ${who} requested (${r.reason})`;
    case 'killed':
      return `#${r.seq} ${who} killed (${r.reason})`;
    case 'state':
      return `#${r.seq} ${who} ${r.from} -> ${r.to}`;
    case 'event-dropped':
      return `#${r.seq} event ${r.event} for ${who} dropped (${r.reason})`;
    default:
      return `#${r.seq} ${r.type}${who ? ` ${who}` : ''}`;
  }
}

/** `crash ahcid at 20s`. */
export function describeTheFault(f: Pick<TheFault, 'kind' | 'component' | 't'>): string {
  return `${f.kind}${f.component !== undefined ? ` ${f.component}` : ''} at ${formatInstant(f.t)}`;
}

/**
 * A component that is meant to run once and be done: a member of a Fuchsia
 * single-run collection (F3: it is destroyed once it has terminated). Nothing
 * is expected to bring it back.
 */
function isOneShot(c: ComponentSpec): boolean {
  return c.collection?.durability === 'single-run';
}

/**
 * The policy half of liveness, for one fault at a time: what an owner of a
 * system asks of their configuration ("no single point of failure"). After
 * the run's one fault, every component meant to run (it reached running
 * before the fault, and it is not one-shot) runs again within the recovery
 * bound. Excused: a permanent fault (`destroy`, F2: the component is gone by
 * request), a system that deliberately stops (a reboot into a halted target:
 * Android's bootloader), a clean exit of the fault's target (R1: exit code 0
 * means stopped properly; systemd's `Restart=on-failure` leaves such a unit
 * down by design) and whatever is down only because it waits for what is
 * excused, and a restart the policy has scheduled but is not due yet (a long
 * backoff: the policy will bring it back).
 *
 * Unlike recovers-after-faults, which judges the model and so excuses every
 * wait the policy explains (a `restart: never` driver's dependents wait for
 * a driver the policy let stay down, which is what the policy asked for),
 * this one judges the policy: "the policy let it stay down" is the finding.
 * Hence kind `policy`: a sound model breaks it whenever a scenario's policy
 * asks it to, and `recsim explore --policy` counts it. A hang nothing
 * watches (no heartbeat, no call check) is a finding too: a hung component
 * is not running, and only a watchdog would notice.
 *
 * It judges runs with exactly one fault (an `override` is not one) and no
 * operator action; with more faults, which one left what down is not one
 * fault's doing, and an operator's stop or start changes what is meant to run.
 */
export const recoversFromSingleFault: Invariant = {
  id: 'recovers-from-single-fault',
  statement: 'After the one fault of a run, every component that ran before it (and is not one-shot) runs again within the recovery bound, unless the fault is permanent (destroy), a clean exit of the component, or the system deliberately halts.',
  rule: 'R2, R4, A (policy: no single point of failure)',
  kind: 'policy',
  observe(scenario, shared) {
    const inv = recoversFromSingleFault;
    const boundUs = recoveryBoundUs(scenario);
    // The records themselves (a record is never changed once written): a link's text is built only for a violation.
    // State records, most of a large run's, are kept as numbers (recent-states.ts); the rest as themselves.
    let chains = new RecentBySlot<TraceRecord>(2, scenario.components);
    let states = new RecentStates(2, scenario.components);
    // Its own replay is let go after a second fault (a shared one is the monitor's to keep).
    let { replay, own } = replayFor(scenario, shared);
    /** Components that reached running before the fault. */
    let ranBefore = new NameSet(scenario.components);
    /** Per component: the last record that says why it is down. */
    const downSeq = new Map<string, number>();
    /** Per component: when the restart its policy decided is due (absent: no restart pending). */
    const restartDueUs = new Map<string, Micros>();
    let fault: TheFault | undefined;
    let faults = 0;
    /** An operator's stop or start changes what is meant to run: such a run is not judged. */
    let operatorActions = 0;
    /** The last record seen (kept, not copied: a record is never changed once written). */
    let last: TraceRecord | undefined;
    const self: InvariantObserver = {
      onRecord(r) {
        last = r;
        if (r.type === 'fault' && r.fault !== 'override') {
          faults++;
          if (fault === undefined) fault = { seq: r.seq, t: r.t, kind: r.fault, ...(r.component !== undefined ? { component: r.component } : {}), ...(r.exitCode !== undefined ? { exitCode: r.exitCode } : {}) };
        }
        if (r.type === 'operator') operatorActions++;
        // A run with a second fault or an operator's action is not judged (finish): nothing it kept is worth keeping.
        if (faults > 1 || operatorActions > 0) {
          // Nor will any later record make it one to judge: the monitor need not call it again (finish still says nothing).
          shared?.retire?.(self);
          if (ranBefore.size > 0 || chains.size > 0 || states.size > 0) {
            chains = new RecentBySlot<TraceRecord>(2);
            states = new RecentStates(2);
            if (own) replay = new TraceReplay();
            ranBefore = new NameSet();
            downSeq.clear();
            restartDueUs.clear();
          }
          return undefined;
        }
        if (r.type === 'state' && r.to === 'running' && fault === undefined) ranBefore.add(r.component);
        if (r.type === 'boot-started') restartDueUs.clear();
        if (r.type === 'decision') {
          if (r.action.includes('restart')) restartDueUs.set(r.component, r.t + (r.delayUs ?? 0));
          else restartDueUs.delete(r.component);
        }
        if (r.type === 'state' && (r.to === 'starting' || r.to === 'running')) restartDueUs.delete(r.component);
        if (r.component !== undefined && (DOWN_TYPES.has(r.type) || (r.type === 'state' && (r.to === 'failed' || r.to === 'hung' || r.to === 'destroyed')))) downSeq.set(r.component, r.seq);
        if ((r.type === 'fault' || r.component !== undefined) && !(r.type === 'state' && states.remember(r))) chains.remember(r.type, r.seq, r, r.component ?? '');
        if (own) replay.apply(r);
        return undefined;
      },
      finish() {
        if (faults !== 1 || operatorActions > 0 || fault === undefined || !endedCompleted(last)) return [];
        const endUs = last.t;
        if (faultPhaseEndUs(scenario, fault.t) + boundUs > endUs) return [];
        if (fault.kind === 'destroy') return []; // permanent by request (F2)
        if (replay.isHalted() || replay.isShuttingDown()) return []; // deliberately stopped; a reboot stuck at the end is requested-reboot-completes'
        const isDown = (name: string): boolean => replay.stateOf(name) !== 'running';
        const byName = new Map(scenario.components.map((c) => [c.name, c]));
        // What is down on purpose: the target of a clean exit, then what waits only for what is excused.
        const excused = new Set<string>();
        if (fault.kind === 'exit' && (fault.exitCode ?? 0) === 0 && fault.component !== undefined) excused.add(fault.component);
        const providersOf = (c: ComponentSpec): string[] => [...c.depends, ...(c.quorums ?? []).flatMap((q) => q.of), ...(c.monitor !== undefined ? [c.monitor] : [])];
        for (let grew = excused.size > 0; grew; ) {
          grew = false;
          for (const c of scenario.components) {
            if (excused.has(c.name) || !isDown(c.name)) continue;
            const downProviders = providersOf(c).filter((p) => byName.has(p) && isDown(p));
            if (downProviders.length > 0 && downProviders.every((p) => excused.has(p))) {
              excused.add(c.name);
              grew = true;
            }
          }
        }
        const out: Violation[] = [];
        for (const c of scenario.components) {
          if (!ranBefore.has(c.name) || !isDown(c.name) || isOneShot(c) || excused.has(c.name)) continue;
          const state = replay.stateOf(c.name);
          if (state === 'destroyed') continue;
          const due = restartDueUs.get(c.name);
          if (due !== undefined && due + boundUs > endUs) continue; // a long backoff: the policy will bring it back
          const waits = providersOf(c).filter((p) => byName.has(p) && isDown(p));
          const chain = chainOf(chains, states, downSeq.get(c.name));
          out.push(violation(inv,
            `after ${describeTheFault(fault)}, ${c.name} is ${state}, not running, ${(endUs - fault.t) / US_PER_S}s later (bound ${boundUs / US_PER_S}s)` +
              (waits.length > 0 ? `; it waits for ${waits.join(', ')}` : '') +
              (chain.length > 0 ? `; why: ${chain.join(' <- ')}` : ''),
            downSeq.get(c.name) ?? fault.seq));
        }
        return out;
      },
      retained() {
        return chains.size + states.size + replay.size + ranBefore.size + downSeq.size + restartDueUs.size;
      },
    };
    return self;
  },
};

/** The chain of causes from record `seq` back towards the fault, as far as the kept records reach. */
function chainOf(chains: RecentBySlot<TraceRecord>, states: RecentStates, seq: number | undefined): string[] {
  const out: string[] = [];
  let at = seq;
  while (at !== undefined && out.length < CHAIN_LINKS_MAX) {
    const link = chains.get(at) ?? states.get(at);
    if (!link) break;
    out.push(linkText(link));
    at = link.cause;
  }
  if (at !== undefined && out.length === CHAIN_LINKS_MAX) out.push('...');
  return out;
}
