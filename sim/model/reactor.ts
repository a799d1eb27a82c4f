import type { Stream } from '../engine/rng.js';
import type { SystemView } from '../policy/system-view.js';
import type { Micros } from '../engine/time.js';
import type { Command, RequestKind } from './commands.js';
import type { SimEvent, SimEventKind } from './events.js';
import type { Fact, FactKind, FactOf } from './facts.js';
import type { DeepReadonly } from './readonly.js';
import type { SystemState } from './state.js';
import type { Topology } from './topology.js';

/**
 * What a reactor may read besides the state: the fixed topology, the current
 * instant and the run's named random streams (a policy's jitter draws from
 * its component's stream; the streams are forked with the run).
 */
export interface ReactorContext {
  readonly topo: Topology;
  readonly nowUs: Micros;
  stream(name: string): Stream;
  /** Component `c`'s policy stream (`policy:<name>`), what its monitor's decisions draw their jitter from. */
  policyStream(c: number): Stream;
  /** The system as a recovery decision sees it (sim/policy/system-view.ts), reading the current state. */
  readonly system: SystemView;
}

/** The state as a reactor sees it: the compiler rejects any write. */
export type StateView = DeepReadonly<SystemState>;

/**
 * A reactor: a pure function from the state and a fact to the commands that
 * answer it. It never changes the state itself (its view is read-only);
 * `apply` does.
 */
export type Reactor<F extends Fact = Fact> = (state: StateView, fact: F, ctx: ReactorContext) => readonly Command[];

/**
 * What a reactor returns when it has nothing to ask: one shared, frozen list
 * (a storm asks sixteen reactors about every termination; most answer this).
 */
export const NO_COMMANDS: readonly Command[] = Object.freeze([]);

/** A reactor for one kind of timer. */
export type TimerReactor<K extends SimEventKind> = (state: StateView, event: Extract<SimEvent, { k: K }>, ctx: ReactorContext) => readonly Command[];

export type FactReactors = { readonly [K in Exclude<FactKind, 'timer'>]: readonly Reactor<FactOf<K>>[] };
/**
 * Timers whose handling decides nothing, so no reactor answers them: the
 * writer carries them out itself (Simulation.handle). A request arrival in
 * per-request mode counts one request into its driver's ledger and draws the
 * next arrival, whatever the state: asking a reactor for that one fixed
 * command cost a third of the commonest event of a per-request run.
 */
export type BookkeepingEventKind = 'request';

export type TimerReactors = { readonly [K in Exclude<SimEventKind, BookkeepingEventKind>]: TimerReactor<K> };

/**
 * A reactor for a request (see requests.ts): answers a command from the
 * state the writer finds when it reaches it, with the commands to carry out
 * instead. Its `cause` has been resolved to a record's seq.
 */
export type RequestReactor<K extends RequestKind> = (state: StateView, request: Extract<Command, { do: K }>, ctx: ReactorContext) => Command[];

export type RequestReactors = { readonly [K in RequestKind]: RequestReactor<K> };
