import type { Engine } from '../../engine/engine.js';
import type { Stream, StreamFactory } from '../../engine/rng.js';
import type { Micros } from '../../engine/time.js';
import type { Recorder } from '../../trace/recorder.js';
import type { LifecycleState, PowerState, RecordDraft, TraceRecord } from '../../trace/records.js';
import type { Cause, Command, CommandKind } from '../commands.js';
import type { SimEvent } from '../events.js';
import type { Fact } from '../facts.js';
import type { ReactorContext } from '../reactor.js';
import { isSettled, systemIsStopping, type ComponentState, type Life, type Process, type SystemState } from '../state.js';
import type { Topology } from '../topology.js';
import type { RequestSource } from '../request-ledger.js';
import type { FaultTraceFields } from '../../faults/registry.js';
import { SharedHistories } from '../history.js';
import { SharedLives } from './shared-lives.js';

/** The command of kind `K`. */
export type CommandOf<K extends CommandKind> = Extract<Command, { do: K }>;

/** Carries out one kind of command: changes the state, writes records, schedules timers; decides nothing. */
export type Handler<K extends CommandKind> = (w: WriterCore, cmd: CommandOf<K>) => void;

/** One handler per command kind: a command without one does not compile. */
export type Handlers = { [K in CommandKind]: Handler<K> };

/** Bytes written since the last periodic flush by a process running since `startedAtUs`. */
export function unflushedBytes(topo: Topology, c: number, proc: Process | undefined, nowUs: Micros): number {
  const dirty = topo.specs[c]!.dirtyData;
  if (!dirty || !proc) return 0;
  const sinceFlush = (nowUs - proc.startedAtUs) % dirty.flushEveryUs;
  return Math.round((dirty.writeBytesPerS * sinceFlush) / 1_000_000);
}

/**
 * What every handler of the one writer shares: the state it owns, the
 * engine, the recorder, the work queue of facts, and the few primitives
 * (write a record, set a lifecycle or power state) the handlers are made of.
 * The handlers themselves live beside this file, one file per
 * responsibility; `apply.ts` puts them in one table.
 */
export abstract class WriterCore {
  constructor(
    readonly state: SystemState,
    readonly topo: Topology,
    readonly engine: Engine<SimEvent>,
    readonly recorder: Recorder,
    readonly streams: StreamFactory,
    readonly facts: Fact[],
    readonly ctx: ReactorContext,
  ) {}

  /** How each driver's requests are counted (client-requests.ts), built on first use. */
  requestSourceCache: (RequestSource | undefined)[] | undefined;

  /** Histories shared by the components started once at the same instant (history.ts). */
  readonly histories = new SharedHistories();

  /** Lives shared by components in the same state with the same data (shared-lives.ts). */
  readonly lives = new SharedLives();

  /** Each stochastic fault's stream, by fault index, resolved on its first draw. */
  readonly faultStreamCache: (Stream | undefined)[] = [];

  /** Each fault's record type and extra record fields (pure of its spec), by fault index, looked up on its first injection. */
  readonly faultRecordCache: ({ operator: boolean; fields: FaultTraceFields } | undefined)[] = [];

  /** Carries out one command (the table's handler for its kind). */
  abstract carryOut(cmd: Command): void;

  /** A driver's state changed: its clients' requests follow (client-requests.ts). */
  abstract requestsFollowState(c: number, to: LifecycleState): void;

  get nowUs(): Micros {
    return this.engine.nowUs;
  }

  /**
   * Per depth of nested batches (a command's handler may apply a batch of
   * its own): the first record written by each command of the batch being
   * applied at that depth (undefined: it wrote none), and how many of its
   * commands have been carried out. Reused from batch to batch, so applying
   * one allocates nothing.
   */
  private readonly firstSeqsByDepth: (number | undefined)[][] = [];
  private readonly doneByDepth: number[] = [];
  private depth = -1;

  /** Applies a batch; `{ ref: k }` causes resolve to the first record written by the batch's k-th command. */
  applyBatch(commands: readonly Command[]): void {
    if (commands.length === 0) return;
    const depth = ++this.depth;
    const firstSeqs = (this.firstSeqsByDepth[depth] ??= []);
    for (let i = 0; i < commands.length; i++) {
      this.doneByDepth[depth] = i;
      const before = this.recorder.nextSeq;
      this.carryOut(commands[i]!);
      firstSeqs[i] = this.recorder.nextSeq > before ? before : undefined;
    }
    this.depth--;
  }

  cause(cause: Cause): number | undefined {
    if (typeof cause !== 'object') return cause;
    // A reference to a command not yet carried out (or to none) resolves to nothing, as it always did.
    return cause.ref < this.doneByDepth[this.depth]! ? this.firstSeqsByDepth[this.depth]![cause.ref] : undefined;
  }

  emit(draft: RecordDraft): TraceRecord {
    return this.recorder.emit(draft);
  }

  comp(c: number): ComponentState {
    return this.state.components[c]!;
  }

  name(c: number): string {
    return this.topo.specs[c]!.name;
  }

  /** Sets a component's lifecycle; returns the seq of the `state` record when the state changed. */
  setLife(c: number, life: Life, cause?: number): number | undefined {
    const component = this.comp(c);
    const from = component.life.state;
    component.life = life;
    if (from === life.state) return undefined;
    this.state.settled += (isSettled(life.state) ? 1 : 0) - (isSettled(from) ? 1 : 0);
    // Built whole, in emit's key order: the commonest record, written without copying a draft.
    const recorder = this.recorder;
    const seq = recorder.write({ t: this.nowUs, seq: recorder.takeSeq(), type: 'state', component: this.name(c), from, to: life.state, cause }).seq;
    if (this.topo.specs[c]!.requests) this.requestsFollowState(c, life.state);
    return seq;
  }

  setPower(to: PowerState, cause?: number): void {
    if (this.state.power === to) return;
    const from = this.state.power;
    this.state.power = to;
    this.emit({ type: 'power', from, to, cause });
  }

  systemIsStopping(): boolean {
    return systemIsStopping(this.state);
  }
}
