import { Engine, type RunLimits, type RunOutcome } from '../engine/engine.js';
import { StreamFactory, type Stream } from '../engine/rng.js';
import type { Micros } from '../engine/time.js';
import type { FaultSpec, Scenario } from '../scenario/types.js';
import { Recorder, type RecordSink } from '../trace/recorder.js';
import { Writer } from './apply.js';
import type { Command } from './commands.js';
import type { SimEvent } from './events.js';
import type { Fact } from './facts.js';
import { REACTIONS, TIMERS } from './reactions.js';
import type { Reactor, ReactorContext, TimerReactor } from './reactor.js';
import { initialState, type SystemState } from './state.js';
import { stateSystemView } from './system-view.js';
import { wakeChangedProbeTicks } from './probe-ticks.js';
import { buildTopology, type Topology } from './topology.js';

/** A bound on the follow-ups of one event: beyond it the model is looping, which is a bug to report, not a hang. */
const MAX_FACTS_PER_EVENT = 10_000_000;

/**
 * One run of a scenario: the state (plain data), the engine (clock and
 * timers), the random streams, and the loop that hands each event to the
 * reactors and their commands to the one writer. It can be stepped one event
 * at a time and forked at any point into an independent continuation.
 */
export class Simulation {
  private readonly facts: Fact[] = [];
  private writer: Writer;
  private readonly context: ReactorContext;
  /** What the engine hands each event to: one closure per run, not one per step. */
  private readonly handler = (event: SimEvent): void => this.handle(event);

  private constructor(
    readonly topo: Topology,
    readonly seed: number,
    readonly state: SystemState,
    readonly engine: Engine<SimEvent>,
    readonly streams: StreamFactory,
    readonly recorder: Recorder,
  ) {
    const engineRef = engine;
    const policyStreams: (Stream | undefined)[] = [];
    this.context = {
      topo,
      get nowUs(): Micros {
        return engineRef.nowUs;
      },
      stream: (name) => streams.stream(name),
      // Resolved on first use, as `stream` would, then by index: no name is built per decision.
      policyStream: (c) => (policyStreams[c] ??= streams.stream(`policy:${topo.specs[c]!.name}`)),
      system: stateSystemView(state, topo),
    };
    this.writer = new Writer(state, topo, engine, recorder, streams, this.facts, this.context);
  }

  /**
   * `probeTicks: 'computed'` hands the engine only the probe ticks that can
   * find something (sim/model/probe-ticks.ts); `every-period` (the default
   * here, for exhaustive exploration, which steps and forks between events)
   * ticks each period. The trace is the same; the events are fewer.
   */
  static create(scenario: Scenario, seed: number, options: { probeTicks?: 'computed' | 'every-period' } = {}): Simulation {
    const engine = new Engine<SimEvent>({ quietChains: options.probeTicks === 'computed' });
    const budgets = scenario.faults.map((f) => (f.trigger.kind === 'when' ? f.trigger.times : 0));
    return new Simulation(buildTopology(scenario), seed, initialState(scenario.components.length, budgets), engine, new StreamFactory(seed), new Recorder(() => engine.nowUs));
  }

  get nowUs(): Micros {
    return this.engine.nowUs;
  }

  /** Sees every record written from now on. */
  subscribe(sink: RecordSink): void {
    this.recorder.subscribe(sink);
  }

  /** Writes run-started, plans the faults and background load, and boots. Call once, before stepping. */
  start(): void {
    this.process([{ do: 'start-run', seed: this.seed }]);
  }

  /** Handles one event; returns the outcome instead when the run is over. */
  step(limits: RunLimits): RunOutcome | undefined {
    return this.engine.step(this.handler, limits);
  }

  /** Runs to the end; writes run-ended. */
  run(limits: RunLimits): RunOutcome {
    const outcome = this.engine.run(this.handler, limits);
    this.finish(outcome);
    return outcome;
  }

  finish(outcome: RunOutcome): void {
    this.writer.finishRequests();
    this.recorder.emit({ type: 'run-ended', outcome: outcome.kind === 'event-budget-exhausted' ? 'event-budget-exhausted' : 'completed' });
  }

  /**
   * An independent continuation from this instant: a copy of the state, the
   * pending timers and the random streams. Records it writes go to its own
   * sinks (none until subscribed), numbered on from this run's.
   */
  fork(): Simulation {
    const engine = this.engine.fork();
    const copy = new Simulation(this.topo, this.seed, structuredClone(this.state), engine, this.streams.fork(), new Recorder(() => engine.nowUs, this.recorder.nextSeq));
    copy.writer.resubscribeTriggers();
    return copy;
  }

  /**
   * A fork whose scenario has `extra` faults appended after its own (indices
   * from `faults.length` on). Nothing is injected yet: an `at` fault waits
   * for `injectNow`; a `when` fault watches the fork's records from now on
   * with its full budget of `times`. What exhaustive exploration uses to
   * place a fault at any instant of a run already under way.
   */
  forkWith(extra: readonly FaultSpec[]): Simulation {
    if (extra.length === 0) return this.fork();
    const engine = this.engine.fork();
    const scenario = this.topo.scenario;
    const topo: Topology = { ...this.topo, scenario: { ...scenario, faults: [...scenario.faults, ...extra] } };
    const state = structuredClone(this.state);
    for (const f of extra) state.triggerBudget.push(f.trigger.kind === 'when' ? f.trigger.times : 0);
    const copy = new Simulation(topo, this.seed, state, engine, this.streams.fork(), new Recorder(() => engine.nowUs, this.recorder.nextSeq));
    copy.writer.resubscribeTriggers();
    return copy;
  }

  /**
   * Injects fault `fault` (an index of the scenario's faults) at `atUs`,
   * before any event due then: the clock moves to `atUs` (at most the next
   * event's instant) and the fault is handled as its timer would be.
   */
  injectNow(fault: number, atUs: Micros): void {
    this.engine.advanceTo(atUs);
    this.process([{ do: 'inject-fault', fault, source: 'scripted', cause: undefined }]);
  }

  private handle(event: SimEvent): void {
    // A timer that decides nothing goes to the writer at once (BookkeepingEventKind); the rest to their reactor.
    if (event.k === 'request') this.writer.requestArrives(event.c);
    else this.writer.applyBatch((TIMERS[event.k] as TimerReactor<typeof event.k>)(this.state, event as never, this.context));
    this.drainFacts();
  }

  /** Applies a batch, then drains the work queue. */
  private process(first: readonly Command[]): void {
    this.writer.applyBatch(first);
    this.drainFacts();
  }

  /** Drains the work queue: each fact goes to its reactors in the declared order. */
  private drainFacts(): void {
    const facts = this.facts;
    let head = 0;
    while (head < facts.length) {
      if (head >= MAX_FACTS_PER_EVENT) throw new Error(`model: one event set off more than ${MAX_FACTS_PER_EVENT} follow-ups (a loop in the model)`);
      const fact = facts[head++]!;
      if (fact.f === 'timer') continue;
      const reactors = REACTIONS[fact.f] as readonly Reactor[];
      for (let i = 0; i < reactors.length; i++) this.writer.applyBatch(reactors[i]!(this.state, fact, this.context));
    }
    if (facts.length > 0) facts.length = 0;
    wakeChangedProbeTicks(this.state, this.engine);
  }
}
