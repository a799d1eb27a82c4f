import { createSeqMap, maxSeqOf, type SeqMap } from './seq-map.js';
import type { TraceRecord } from './trace-types.js';

/** What the policy did about a fault: the first action its effects record. */
export type IncidentAction = 'restart' | 'reboot' | 'panic' | 'kill' | 'stop';

const ACTION_OF: Partial<Record<TraceRecord['type'], IncidentAction>> = {
  restart: 'restart',
  'reboot-requested': 'reboot',
  'shutdown-started': 'reboot',
  panic: 'panic',
  killed: 'kill',
  'stop-requested': 'stop',
};

/**
 * One fault and what followed, on the lane of the component it hit (the
 * system lane for a fault of the whole system): fault ▸ detected ▸ decided ▸
 * acted (restart, reboot, ...) ▸ running again. Each step is the first
 * record of its kind that the fault caused (following `cause`); "down" and
 * "running again" are the component's own state changes (the system's power
 * state for a system fault), which the simulator does not always link by cause.
 */
export interface Incident {
  /** The lane's component; null for a fault of the whole system. */
  component: string | null;
  faultSeq: number;
  /** The fault kind, e.g. "crash". */
  fault: string;
  startUs: number;
  detected?: { t: number; seq: number };
  decided?: { t: number; seq: number; action: string };
  acted?: { t: number; seq: number; action: IncidentAction };
  /** The reboot or panic the fault led to (its first action, or a later one: a kill that panicked the system). */
  rebooted?: { t: number; seq: number; action: 'reboot' | 'panic' };
  /** When the component stopped running (the system stopped being up); absent: the fault caused no outage. */
  downUs?: number;
  /** Running (up) again; absent when it was not by the end of the run. */
  recovered?: { t: number; seq: number };
  /** recovered.t, else the run's end (down until the end), else the last record the fault caused. */
  endUs: number;
}

/** Time to recover: from the fault to running again; undefined without an outage or a recovery. */
export function timeToRecoverUs(incident: Incident): number | undefined {
  return incident.downUs !== undefined && incident.recovered ? incident.recovered.t - incident.startUs : undefined;
}

interface Open {
  incident: Incident;
  /** The latest record the fault caused so far: where an incident without an outage ends. */
  lastEffectUs: number;
  /**
   * Set once the fault led to a reboot or a panic: the outage is the
   * system's, and lasts until the boot completes and every component that
   * ran before the fault runs again.
   */
  system?: SystemOutage;
}

interface SystemOutage {
  /** Components that ran before the fault and do not run again yet. */
  pending: Set<string>;
  /** The system went down (shut down, panicked) after the reboot was decided. */
  wentDown: boolean;
  /** The component's own return, should the reboot never take the system down (a request that failed). */
  ownRecovery?: { t: number; seq: number };
}

export interface TraceIncidents {
  /** In time order. */
  incidents: Incident[];
  /** seq -> seq of the fault at the root of its causal chain (absent for records no fault caused). */
  rootFault: SeqMap<number>;
}

/**
 * Every fault of a trace as an incident, in time order. Records must be
 * sorted by (t, seq), causes pointing at earlier records (as the simulator
 * writes them). One pass: each record's root fault is its cause's root.
 */
export function findIncidents(sorted: readonly TraceRecord[], runEndUs: number): TraceIncidents {
  const rootOf = createSeqMap<number>(maxSeqOf(sorted), sorted.length);
  const incidents: Incident[] = [];
  const open = new Map<number, Open>();
  /** Incidents waiting for their component (or, under null, the system) to go down or come back. */
  const waiting = new Map<string | null, Open[]>();
  const running = new Map<string, boolean>();
  /** When each component last stopped running: who ran before a fault is who runs now or stopped since. */
  const stoppedAt = new Map<string, number>();
  let systemUp = false;
  /** Incidents whose fault led to a reboot or panic, waiting for the whole system to come back. */
  let systemWaits: Open[] = [];

  /** The fault led to a reboot or panic: from now on its incident waits for the system, not the component. */
  const becomeSystemOutage = (item: Open): void => {
    const pending = new Set<string>();
    for (const [component, isRunning] of running) {
      const ranSinceFault = (stoppedAt.get(component) ?? -1) >= item.incident.startUs;
      if (isRunning || ranSinceFault) pending.add(component);
    }
    // The power may have left `up` just before the panic record is written (the simulator records the reset first).
    item.system = { pending, wentDown: !systemUp };
    item.incident.downUs ??= item.incident.rebooted!.t;
    const key = item.incident.component;
    const list = waiting.get(key);
    if (list) waiting.set(key, list.filter((x) => x !== item));
    systemWaits.push(item);
  };
  /** A system outage is over when the system has been down, is up, and every component it stopped runs again. */
  const settleSystemWaits = (t: number, seq: number): void => {
    systemWaits = systemWaits.filter((item) => {
      const outage = item.system!;
      if (!outage.wentDown || !systemUp || outage.pending.size > 0) return true;
      item.incident.recovered = { t, seq };
      item.incident.endUs = t;
      return false;
    });
  };

  const wait = (key: string | null, item: Open): void => {
    let list = waiting.get(key);
    if (!list) waiting.set(key, (list = []));
    list.push(item);
  };
  // Going down is caused (a termination, a hang, a shutdown): it belongs to the incident of
  // its root fault, so a reboot caused elsewhere is not blamed on this lane's harmless fault.
  // A change without a known root goes to every incident still waiting.
  const wentDown = (key: string | null, t: number, root: number | undefined): void => {
    for (const item of waiting.get(key) ?? []) {
      if (root === undefined || root === item.incident.faultSeq) item.incident.downUs ??= t;
    }
  };
  const cameBack = (key: string | null, t: number, seq: number): void => {
    const list = waiting.get(key);
    if (!list || list.length === 0) return;
    const still = list.filter((item) => {
      if (item.incident.downUs === undefined) return true;
      item.incident.recovered = { t, seq };
      item.incident.endUs = t;
      return false;
    });
    waiting.set(key, still);
  };

  for (const r of sorted) {
    const root = r.type === 'fault' ? r.seq : r.cause === undefined ? undefined : rootOf.get(r.cause);
    if (root !== undefined) rootOf.set(r.seq, root);

    if (r.type === 'fault') {
      const component = typeof r.component === 'string' ? r.component : null;
      const incident: Incident = { component, faultSeq: r.seq, fault: r.fault, startUs: r.t, endUs: r.t };
      const item = { incident, lastEffectUs: r.t };
      incidents.push(incident);
      open.set(r.seq, item);
      // Already down when the fault hit (a hang of a stopped service): the outage starts now.
      if (component !== null && running.get(component) === false) incident.downUs = r.t;
      if (component === null && !systemUp) incident.downUs = r.t;
      wait(component, item);
    } else if (root !== undefined) {
      const item = open.get(root);
      if (item) {
        const incident = item.incident;
        item.lastEffectUs = r.t;
        if (r.type === 'detected') incident.detected ??= { t: r.t, seq: r.seq };
        else if (r.type === 'decision') incident.decided ??= { t: r.t, seq: r.seq, action: r.action };
        const action = ACTION_OF[r.type];
        if (action) incident.acted ??= { t: r.t, seq: r.seq, action };
        if ((action === 'reboot' || action === 'panic') && !item.system) {
          incident.rebooted = { t: r.t, seq: r.seq, action };
          becomeSystemOutage(item);
        }
      }
    }

    if (r.type === 'state') {
      const wasRunning = r.from === 'running';
      const isRunning = r.to === 'running';
      running.set(r.component, isRunning);
      if (wasRunning && !isRunning) {
        stoppedAt.set(r.component, r.t);
        wentDown(r.component, r.t, root);
      }
      if (isRunning) {
        cameBack(r.component, r.t, r.seq);
        if (systemWaits.length > 0) {
          for (const item of systemWaits) {
            if (item.system!.wentDown) item.system!.pending.delete(r.component);
            else if (item.incident.component === r.component) item.system!.ownRecovery ??= { t: r.t, seq: r.seq };
          }
          settleSystemWaits(r.t, r.seq);
        }
      }
    } else if (r.type === 'power') {
      systemUp = r.to === 'up';
      if (r.from === 'up' && r.to !== 'up') {
        wentDown(null, r.t, root);
        for (const item of systemWaits) item.system!.wentDown = true;
      }
      if (r.to === 'up') {
        cameBack(null, r.t, r.seq);
        settleSystemWaits(r.t, r.seq);
      }
    }
  }
  for (const item of systemWaits) {
    const own = item.system!.wentDown ? undefined : item.system!.ownRecovery;
    if (own) {
      item.incident.recovered = own;
      item.incident.endUs = own.t;
    } else {
      wait(item.incident.component, item);
    }
  }

  // Still waiting at the end: down until the end, or no outage at all (over at its last effect).
  for (const list of waiting.values()) {
    for (const { incident, lastEffectUs } of list) {
      incident.endUs = incident.downUs !== undefined ? Math.max(runEndUs, incident.startUs) : lastEffectUs;
    }
  }
  return { incidents, rootFault: rootOf };
}

/** The phases of an incident as consecutive spans, for drawing: each ends where the next step happened. */
export type IncidentPhase = 'detecting' | 'deciding' | 'waiting' | 'recovering';

export function incidentPhases(incident: Incident): { phase: IncidentPhase; startUs: number; endUs: number }[] {
  const steps: [IncidentPhase, number | undefined][] = [
    ['detecting', incident.detected?.t],
    ['deciding', incident.decided?.t],
    ['waiting', incident.acted?.t],
    ['recovering', incident.endUs],
  ];
  const phases: { phase: IncidentPhase; startUs: number; endUs: number }[] = [];
  let since = incident.startUs;
  for (const [phase, until] of steps) {
    if (until === undefined || until < since) continue;
    if (until > since) phases.push({ phase, startUs: since, endUs: until });
    since = until;
  }
  return phases;
}
