import type { Engine } from '../engine/engine.js';
import type { ProbeTarget } from '../probes/ticks.js';
import type { ProbeKind } from '../probes/types.js';
import type { SimEvent } from './events.js';
import type { StateView } from './reactor.js';
import type { SystemState } from './state.js';
import type { Topology } from './topology.js';

/**
 * Probe ticks computed, not ticked. A probe worker's tick that skips, or
 * whose success changes nothing, does nothing; while the component stays as
 * it is, `firstTickThatMattersUs` (sim/probes/ticks.ts) says which tick is the
 * next to do something. The worker's tick schedules the next one as a quiet
 * chain (Engine.scheduleQuiet): the engine keeps the grid and the place in the
 * order of events of every tick in between without handling them, and queues
 * the one that matters as a real event. The chain carries a note of what the
 * prediction read; after every event whose handling changed any of it, the
 * chain is woken: its next tick is handled for real and predicts again.
 */
export interface ProbeTickNote {
  epoch: number;
  power: SystemState['power'];
  life: StateView['components'][number]['life'];
  generation: number;
  /** What the prediction read of the kubelet's view: not the length of the run of results, which a success lengthens and nothing reads. */
  statusGeneration?: number;
  started?: boolean;
  ready?: boolean;
  onHold?: boolean;
  last?: 'success' | 'failure';
}

export function probeTickNote(s: StateView, c: number, kind: ProbeKind): ProbeTickNote {
  const component = s.components[c]!;
  const status = component.probe;
  return {
    epoch: s.epoch,
    power: s.power,
    life: component.life,
    generation: component.generation,
    statusGeneration: status?.generation,
    started: status?.started,
    ready: status?.ready,
    onHold: status?.onHold,
    last: status?.runs[kind].last,
  };
}

function noteHolds(s: StateView, note: ProbeTickNote, c: number, kind: ProbeKind): boolean {
  const component = s.components[c]!;
  const status = component.probe;
  // A life is replaced, never edited, when it changes (the writer's setLife).
  return (
    note.epoch === s.epoch &&
    note.power === s.power &&
    note.life === component.life &&
    note.generation === component.generation &&
    note.statusGeneration === status?.generation &&
    note.started === status?.started &&
    note.ready === status?.ready &&
    note.onHold === status?.onHold &&
    note.last === status?.runs[kind].last
  );
}

/** After an event: wakes the quiet probe chains of components whose state the event changed. */
export function wakeChangedProbeTicks(s: StateView, engine: Engine<SimEvent>): void {
  const chains = engine.quietChains();
  for (let i = chains.length - 1; i >= 0; i--) {
    const chain = chains[i]!;
    const event = chain.event;
    if (event.k === 'probe' && !noteHolds(s, chain.note as ProbeTickNote, event.c, event.probe)) engine.wake(chain);
  }
}

/** What a tick of probe `kind` of component `c` reads. */
export function probeTargetOf(s: StateView, topo: Topology, c: number, kind: ProbeKind): ProbeTarget {
  const component = s.components[c]!;
  const spec = topo.specs[c]!;
  const life = component.life;
  const alive = life.state === 'running' || life.state === 'hung';
  return {
    kind,
    spec: spec.probes![kind]!,
    status: component.probe,
    process: alive ? { hung: life.state === 'hung', startedAtUs: life.startedAtUs, warmupUs: spec.warmupUs ?? 0, generation: component.generation } : undefined,
  };
}
