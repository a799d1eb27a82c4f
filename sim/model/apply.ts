import type { Engine } from '../engine/engine.js';
import type { StreamFactory } from '../engine/rng.js';
import type { Recorder } from '../trace/recorder.js';
import type { Command, RequestKind } from './commands.js';
import type { SimEvent } from './events.js';
import type { Fact } from './facts.js';
import type { ReactorContext, RequestReactor } from './reactor.js';
import { REQUESTS } from './requests.js';
import type { SystemState } from './state.js';
import type { Topology } from './topology.js';
import { WriterCore, type Handler, type Handlers } from './writer/core.js';
import { MONITORS } from './writer/monitors.js';
import { REBOOT } from './writer/reboot.js';
import { RUN } from './writer/run.js';
import { STARTING } from './writer/starting.js';
import { STOPPING } from './writer/stopping.js';
import { oneRequestArrives, resubscribeTriggers } from './writer/run.js';
import { finishRequests, requestsFollowState } from './writer/client-requests.js';
import type { LifecycleState } from '../trace/records.js';

/** A request (requests.ts): its reactor answers from the state found now, and the answer is carried out at once. */
function answer(w: WriterCore, cmd: Extract<Command, { do: RequestKind }>): void {
  // Copied only when its cause is a reference to resolve (a rule reads `cause`, never its absence).
  const cause = 'cause' in cmd ? cmd.cause : undefined;
  const request = typeof cause === 'object' ? { ...cmd, cause: w.cause(cause) } : cmd;
  const reactor = REQUESTS[cmd.do] as RequestReactor<RequestKind>;
  w.applyBatch(reactor(w.state, request as never, w.ctx));
}

/**
 * Who carries out each command: one handler per kind (the compiler refuses
 * a command kind without one). Grouped by responsibility in sim/model/writer/:
 * the run and its faults, starting, stopping and what an ending loses,
 * reboot and boot, what monitors remember; requests go to their rule first.
 */
export const WRITES: Handlers = {
  ...RUN,
  ...STARTING,
  ...STOPPING,
  ...REBOOT,
  ...MONITORS,
  'request-start': answer,
  'refuse-start': answer,
  release: answer,
  restart: answer,
  'count-restart': answer,
  'request-reboot': answer,
  'policy-reboot': answer,
  'user-shutdown': answer,
};

/**
 * The one writer. It carries out a reactor's commands in order: it is the
 * only code that changes the SystemState, writes records and schedules
 * timers, and it decides nothing (a request's outcome is its rule's, see
 * requests.ts). What happened is handed back as facts on the FIFO work queue
 * (`facts`), never by calling a reactor, so nothing here recurses.
 */
export class Writer extends WriterCore {
  constructor(state: SystemState, topo: Topology, engine: Engine<SimEvent>, recorder: Recorder, streams: StreamFactory, facts: Fact[], ctx: ReactorContext) {
    super(state, topo, engine, recorder, streams, facts, ctx);
  }

  carryOut(cmd: Command): void {
    (WRITES[cmd.do] as Handler<Command['do']>)(this, cmd as never);
  }

  /** Per-request mode: one request arrives at driver `c` (a timer no reactor answers: see BookkeepingEventKind). */
  requestArrives(c: number): void {
    oneRequestArrives(this, c);
  }

  requestsFollowState(c: number, to: LifecycleState): void {
    requestsFollowState(this, c, to);
  }

  /** At the end of the run: requests still refused or waiting are written (client-requests.ts). */
  finishRequests(): void {
    finishRequests(this);
  }

  /** Triggered faults (`when:`) watch every record written; a fork subscribes its own recorder. */
  resubscribeTriggers(): void {
    resubscribeTriggers(this);
  }
}
