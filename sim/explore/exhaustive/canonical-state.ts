import type { RequestLedger } from '../../model/request-ledger.js';
import { createHash } from 'node:crypto';
import type { Micros } from '../../engine/time.js';
import type { SimEvent } from '../../model/events.js';
import type { Simulation } from '../../model/simulation.js';
import type { ProbeStatus } from '../../probes/types.js';
import type { ComponentState, History, Life, PendingStart, QueuedStop, ShutdownProgress, StopRequest, SupervisorEvent, SystemState } from '../../model/state.js';

/**
 * The canonical key of a run's position: two positions with the same key
 * write the same records from here on, up to the numbering of records. It is
 * what exhaustive exploration deduplicates on, so it must be sound: it covers
 * everything the future depends on.
 *
 * - The instant (`now`): heartbeat ticks fall on an absolute grid and the run
 *   ends at an absolute time, so positions at different instants never merge.
 * - The whole SystemState, field by field (the tables below must name every
 *   field, checked when compiling and at run time, so a field added to the
 *   state without teaching the key breaks the build or the first hash):
 *   lifecycle states with their data, power phase, reboot and shutdown
 *   progress, restart-window histories (instants kept relative to now),
 *   armed faults, overrides, trigger budgets.
 * - The pending timers, in the order they will fire, at their instants
 *   relative to now.
 * - The random streams drawn so far (what request arrivals will draw).
 * - The scenario's faults that can still fire (by value, not by index).
 *
 * Record numbers (`seq`, used as causes and as group identities) are renamed
 * in order of first appearance, and process generations and boot epochs are
 * kept relative to the current ones: the model only compares these for
 * equality (sim/model: stale timers, restart batches), so renaming them
 * consistently changes no decision. The event budget left is not in the key:
 * the search checks it separately (a duplicate is skipped only when its twin
 * finished within the budget this case has left).
 */
export function canonicalKey(sim: Simulation): string {
  return createHash('sha256').update(canonicalText(sim)).digest('base64url').slice(0, 32);
}

type Every<T> = { [K in keyof Required<T>]: true };

const SYSTEM_FIELDS = {
  power: true, epoch: true, bootCount: true, rebootInFlight: true, bootCompleted: true, rebootCallFailures: true, settled: true,
  shutdown: true, components: true, triggerBudget: true, nextStopGroup: true, clientRequests: true,
} as const satisfies Every<SystemState>;
const LEDGER_FIELDS = {
  phase: true, sinceUs: true, stuck: true, refused: true, waiting: true, waitedUs: true, waitedAsOfUs: true, inflight: true,
} as const satisfies Every<RequestLedger>;
const COMPONENT_FIELDS = {
  life: true, generation: true, restarts: true, history: true, armed: true, policyOverride: true, pendingEvents: true,
  unhandledTermination: true, restartBatch: true, escalation: true, waiters: true, stopGroup: true, queuedStop: true, lastEndSeq: true,
  restartScheduled: true, probe: true, autoRestart: true, startJobDropped: true,
} as const satisfies Every<ComponentState>;
const LIFE_FIELDS = {
  state: true, pending: true, startedAtUs: true, stop: true, hungCause: true, missedHeartbeats: true,
} as const satisfies Every<Extract<Life, { state: 'hung' }>> & Every<Extract<Life, { state: 'stopped' }>>;
const HISTORY_FIELDS = { startsUs: true, failuresUs: true, restartsUs: true, endsUs: true } as const satisfies Every<History>;
const PENDING_FIELDS = { cause: true, origin: true, asRestart: true, waitFor: true, refused: true } as const satisfies Every<PendingStart>;
const PROBE_FIELDS = { generation: true, started: true, ready: true, onHold: true, runs: true } as const satisfies Every<ProbeStatus>;
const STOP_FIELDS = { reason: true, cause: true, waitFor: true, as: true, detected: true } as const satisfies Every<StopRequest>;
const QUEUED_FIELDS = { waitingFor: true, after: true, reason: true, cause: true, waitFor: true } as const satisfies Every<QueuedStop>;
const SHUTDOWN_FIELDS = { cause: true, waitingFor: true, finished: true, finishedCount: true } as const satisfies Every<ShutdownProgress>;
const SUPERVISOR_EVENT_FIELDS = { event: true, component: true, ok: true, status: true, cause: true } as const satisfies Every<SupervisorEvent>;
/** Every field a timer may carry (checked when compiling); `generation`, `epoch` and `cause` are renamed, the rest kept. */
type EventKeys = SimEvent extends infer E ? (E extends unknown ? keyof E : never) : never;
const EVENT_FIELDS = {
  k: true, fault: true, cause: true, source: true, c: true, generation: true, epoch: true, culprit: true, reason: true, by: true, probe: true, ok: true,
  quiet: true, waitFor: true,
} as const satisfies Record<EventKeys, true>;

/** Refuses an object with a field the key does not know: the key would silently ignore it, and dedup would be unsound. */
function checkFields(what: string, value: object | undefined, known: Readonly<Record<string, true>>): void {
  if (value === undefined) return;
  for (const key of Object.keys(value)) {
    if (!(key in known)) throw new Error(`canonical-state: ${what} has a field "${key}" the dedup key does not cover (teach sim/explore/exhaustive/canonical-state.ts)`);
  }
}

/** The key's text before hashing (tests compare it). */
export function canonicalText(sim: Simulation): string {
  const now = sim.nowUs;
  const state = sim.state;
  const renamed = new Map<number, number>();
  const seq = (s: number | undefined): number | null => {
    if (s === undefined) return null;
    let n = renamed.get(s);
    if (n === undefined) renamed.set(s, (n = renamed.size));
    return n;
  };
  const rel = (t: Micros): number | string => (t === Infinity ? 'inf' : t - now);
  const times = (list: readonly Micros[]): (number | string)[] => list.map(rel);

  checkFields('the system state', state, SYSTEM_FIELDS);
  const shutdown = state.shutdown;
  checkFields('the shutdown', shutdown, SHUTDOWN_FIELDS);
  const stopOf = (r: StopRequest | undefined): unknown => {
    checkFields('a stop request', r, STOP_FIELDS);
    return r === undefined ? null : [r.reason, seq(r.cause), r.waitFor, r.as ?? null, seq(r.detected)];
  };
  const lifeOf = (life: Life): unknown => {
    checkFields(`a ${life.state} state`, life, LIFE_FIELDS);
    switch (life.state) {
      case 'stopped': {
        const p = life.pending;
        checkFields('a pending start', p, PENDING_FIELDS);
        return [life.state, p === undefined ? null : [seq(p.cause), p.origin, p.asRestart, p.waitFor, p.refused ?? false]];
      }
      case 'running':
      case 'stopping':
        return [life.state, rel(life.startedAtUs), stopOf(life.stop)];
      case 'hung':
        return [life.state, rel(life.startedAtUs), stopOf(life.stop), seq(life.hungCause), life.missedHeartbeats];
      default:
        return [life.state];
    }
  };
  const componentOf = (c: ComponentState): unknown => {
    checkFields('a component', c, COMPONENT_FIELDS);
    checkFields('a history', c.history, HISTORY_FIELDS);
    checkFields('a queued stop', c.queuedStop, QUEUED_FIELDS);
    for (const e of c.pendingEvents) checkFields('a supervisor event', e, SUPERVISOR_EVENT_FIELDS);
    const u = c.unhandledTermination;
    const q = c.queuedStop;
    const probe = c.probe;
    checkFields('a probe status', probe, PROBE_FIELDS);
    return [
      lifeOf(c.life),
      // `generation` itself: only its difference from a timer's matters (below).
      c.restarts,
      [times(c.history.startsUs), times(c.history.failuresUs), times(c.history.restartsUs), times(c.history.endsUs)],
      c.armed,
      c.policyOverride ?? null,
      c.pendingEvents.map((e) => [e.event, e.component, e.ok, e.status, seq(e.cause)]),
      u === undefined ? null : [seq(u.seq), u.termination, u.ranForUs],
      seq(c.restartBatch),
      seq(c.escalation),
      c.waiters,
      c.stopGroup ?? null,
      q === undefined ? null : [q.waitingFor, q.after ?? null, q.reason, seq(q.cause), q.waitFor],
      seq(c.lastEndSeq),
      c.restartScheduled ?? false,
      c.autoRestart ?? null,
      // A probe status is about one process: its generation, like a timer's, only matters relative to the current one.
      probe === undefined ? null : [c.generation - probe.generation, probe.started, probe.ready, probe.onHold, probe.runs],
    ];
  };

  const faults = sim.topo.scenario.faults;
  const eventOf = (e: SimEvent): unknown => {
    checkFields(`a ${e.k} timer`, e, EVENT_FIELDS);
    const out: unknown[] = [e.k];
    for (const [key, value] of Object.entries(e)) {
      if (key === 'k') continue;
      if (key === 'cause') out.push(key, seq(value as number | undefined));
      else if (key === 'generation') out.push(key, state.components[(e as { c: number }).c]!.generation - (value as number));
      else if (key === 'epoch') out.push(key, state.epoch - (value as number));
      // A fault timer names its fault by index: the key holds what the fault is.
      else if (key === 'fault') out.push(key, faults[value as number]);
      else out.push(key, value);
    }
    return out;
  };

  const text = [
    now,
    [state.power, state.bootCount, state.rebootInFlight, state.bootCompleted, state.rebootCallFailures, state.settled, state.nextStopGroup],
    shutdown === undefined ? null : [seq(shutdown.cause), shutdown.waitingFor, shutdown.finished, shutdown.finishedCount],
    state.components.map(componentOf),
    // Triggered faults that may still fire, by value: a budget's index means nothing across cases.
    faults.flatMap((f, i) => (f.trigger.kind === 'when' && state.triggerBudget[i]! > 0 ? [[f, state.triggerBudget[i]]] : [])),
    sim.engine.pendingEvents().map((p) => [rel(p.atUs), eventOf(p.event)]),
    sim.streams.snapshot(),
    // What became of each driver's requests so far (request-ledger.ts): counts written at its next state change.
    state.clientRequests.map((l) => {
      checkFields('a request ledger', l, LEDGER_FIELDS);
      return l === undefined ? null : [l.phase, rel(l.sinceUs), l.stuck, l.refused, l.waiting, l.waitedUs, rel(l.waitedAsOfUs), times(l.inflight)];
    }),
  ];
  return JSON.stringify(text);
}
