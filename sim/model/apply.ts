import type { Engine } from '../engine/engine.js';
import { exponentialUs, type StreamFactory } from '../engine/rng.js';
import type { Micros } from '../engine/time.js';
import { armedHooksOf, recordTypeOf, traceFieldsOf } from '../faults/registry.js';
import { isFailure } from '../policy/termination.js';
import { HISTORY_MAX } from '../policy/types.js';
import { isAllowlisted } from '../scenario/realm.js';
import type { Recorder } from '../trace/recorder.js';
import type { PowerState, RecordDraft, Termination, TraceRecord } from '../trace/records.js';
import type { Cause, Command } from './commands.js';
import type { SimEvent } from './events.js';
import { routeOf, type Fact } from './facts.js';
import { freshProbeStatus, type ProbeStatus } from '../probes/types.js';
import { conditionHolds } from '../faults/condition.js';
import { blockingFor, isOnItsWay, missingFor, waitTargets, willComeBack } from './readiness.js';
import type { ArmedFault } from './fault-commands.js';
import { faultMayLand } from './reactors/faults.js';
import {
  freshComponent,
  isAlive,
  isJobStop,
  isSettled,
  processOf,
  stopOf,
  type ComponentState,
  type Life,
  type Process,
  type StopReason,
  type SystemState,
} from './state.js';
import type { Topology } from './topology.js';
import { withSource } from './provenance.js';

/** Appends an instant to a bounded history list (oldest dropped first). */
function remember(list: Micros[], atUs: Micros): void {
  list.push(atUs);
  if (list.length > HISTORY_MAX) list.shift();
}

/** Bytes written since the last periodic flush by a process running since `startedAtUs`. */
function unflushedBytes(topo: Topology, c: number, proc: Process | undefined, nowUs: Micros): number {
  const dirty = topo.specs[c]!.dirtyData;
  if (!dirty || !proc) return 0;
  const sinceFlush = (nowUs - proc.startedAtUs) % dirty.flushEveryUs;
  return Math.round((dirty.writeBytesPerS * sinceFlush) / 1_000_000);
}

/** Requests still in flight at `nowUs`; completed ones are dropped from the front. */
function inflightAt(proc: Process, nowUs: Micros): number {
  const queue = proc.inflight;
  let done = 0;
  while (done < queue.length && queue[done]! <= nowUs) done++;
  if (done > 0) queue.splice(0, done);
  return queue.length;
}

/**
 * The one writer. `apply` carries out a reactor's commands in order: it is
 * the only code that changes the SystemState, writes records and schedules
 * timers. What happened is handed back as facts on the FIFO work queue
 * (`facts`), never by calling a reactor, so nothing here recurses.
 */
export class Writer {
  constructor(
    readonly state: SystemState,
    readonly topo: Topology,
    readonly engine: Engine<SimEvent>,
    readonly recorder: Recorder,
    readonly streams: StreamFactory,
    readonly facts: Fact[],
  ) {}

  private get nowUs(): Micros {
    return this.engine.nowUs;
  }

  /** First record written by each command of the batch being applied (undefined: it wrote none). */
  private firstSeqs: (number | undefined)[] = [];

  /** Applies a batch; `{ ref: k }` causes resolve to the first record written by the batch's k-th command. */
  applyBatch(commands: readonly Command[]): void {
    if (commands.length === 0) return;
    const outer = this.firstSeqs;
    const firstSeqs: (number | undefined)[] = (this.firstSeqs = []);
    for (const command of commands) {
      const before = this.recorder.nextSeq;
      this.apply(command);
      firstSeqs.push(this.recorder.nextSeq > before ? before : undefined);
    }
    this.firstSeqs = outer;
  }

  private cause(cause: Cause): number | undefined {
    return typeof cause === 'object' ? this.firstSeqs[cause.ref] : cause;
  }

  private emit(draft: RecordDraft): TraceRecord {
    return this.recorder.emit(draft);
  }

  private comp(c: number): ComponentState {
    return this.state.components[c]!;
  }

  private name(c: number): string {
    return this.topo.specs[c]!.name;
  }

  private apply(cmd: Command): void {
    switch (cmd.do) {
      case 'start-run':
        return this.startRun(cmd.seed);
      case 'emit':
        this.emit(withSource(this.topo, { ...cmd.draft, cause: this.cause(cmd.cause) } as RecordDraft));
        return;
      case 'schedule':
        this.engine.schedule(cmd.delayUs, cmd.event);
        return;
      case 'inject-fault':
        return this.injectFault(cmd.fault, cmd.source, this.cause(cmd.cause));
      case 'terminate':
        return this.terminate(cmd.c, cmd.termination, cmd.graceful, this.cause(cmd.cause), this.cause(cmd.detected));
      case 'kill': {
        if (!isAlive(this.comp(cmd.c).life.state)) return;
        const killed = this.emit({ type: 'killed', component: this.name(cmd.c), reason: cmd.reason, cause: this.cause(cmd.cause) });
        return this.terminate(cmd.c, cmd.termination, false, killed.seq, this.cause(cmd.detected), cmd.stop);
      }
      case 'hang': {
        const life = this.comp(cmd.c).life;
        if (life.state !== 'running') return;
        this.setLife(cmd.c, { ...life, state: 'hung', hungCause: cmd.cause, missedHeartbeats: 0 }, cmd.cause);
        this.facts.push({ f: 'hung', c: cmd.c, seq: cmd.cause });
        return;
      }
      case 'arm':
        this.comp(cmd.c).armed.push(cmd.armed);
        return;
      case 'set-probe-status':
        return this.setProbeStatus(cmd.c, cmd.status);
      case 'destroy': {
        const life = this.comp(cmd.c).life;
        if (isAlive(life.state)) return this.stop(cmd.c, 'destroy', cmd.cause, []);
        if (life.state === 'destroyed') return;
        // R4: a start waiting for it at boot is refused, naming it (as when it ends while alive).
        this.facts.push({ f: 'start-blocked', c: cmd.c, seq: this.setLife(cmd.c, { state: 'destroyed' }, cmd.cause)! });
        return;
      }
      case 'override-policy':
        this.comp(cmd.c).policyOverride = cmd.policy;
        return;
      case 'operator':
        this.facts.push({ f: 'operator', c: cmd.c, action: cmd.action, seq: cmd.cause });
        return;
      case 'fail-next-reboot-call':
        this.state.rebootCallFailures++;
        return;
      case 'take-reboot-call-failure':
        this.state.rebootCallFailures--;
        return;
      case 'user-shutdown': {
        if (this.systemIsStopping() || this.state.rebootInFlight) return;
        this.state.rebootInFlight = true;
        const request = this.emit({ type: 'reboot-requested', by: 'user', mode: 'graceful', reason: cmd.reason, cause: cmd.cause });
        return this.beginShutdown(cmd.reason, undefined, request.seq);
      }
      case 'request-start':
        return this.requestStart(cmd.c, this.cause(cmd.cause), cmd.why, cmd.waitFor);
      case 'release':
        return this.release(cmd.c);
      case 'refuse-start':
        return this.refuseStart(cmd.c, this.cause(cmd.cause));
      case 'clear-waiters':
        this.comp(cmd.c).waiters = [];
        return;
      case 'wait-on':
        this.comp(cmd.on).waiters.push(cmd.c);
        return;
      case 'finish-start':
        return this.finishStart(cmd.c);
      case 'schedule-restart':
        this.comp(cmd.c).restartScheduled = true;
        this.comp(cmd.c).autoRestart = 'due';
        this.engine.schedule(cmd.delayUs, { k: 'restart', c: cmd.c, epoch: this.state.epoch, cause: this.cause(cmd.cause)!, ...(cmd.quiet ? { quiet: true } : {}), ...(cmd.waitFor ? { waitFor: cmd.waitFor } : {}) });
        return;
      case 'restart':
        return this.restart(cmd.c, this.cause(cmd.cause)!, cmd.waitFor);
      case 'count-restart':
        return this.countRestart(cmd.c, this.cause(cmd.cause));
      case 'cancel-auto-restart': {
        const component = this.comp(cmd.c);
        component.restartScheduled = undefined;
        if (cmd.forget) component.autoRestart = undefined;
        else if (component.autoRestart === 'due') component.autoRestart = 'cancelled';
        return;
      }
      case 'start':
        return this.startJob(cmd.c, this.cause(cmd.cause));
      case 'reset-failed':
        return this.resetFailed(cmd.c, this.cause(cmd.cause));
      case 'stop':
        return this.stop(cmd.c, cmd.reason, this.cause(cmd.cause)!, cmd.waitFor ?? [], cmd.as, cmd.timeoutUs, this.cause(cmd.detected));
      case 'stop-group':
        return this.stopGroup(cmd.members, cmd.reason, this.cause(cmd.cause)!, cmd.waitFor ?? []);
      case 'stop-group-tick':
        return this.stopGroupTick(cmd.c, cmd.group);
      case 'leave-stop-group': {
        const component = this.comp(cmd.c);
        component.stopGroup = undefined;
        component.queuedStop = undefined;
        return;
      }
      case 'set-failed':
        if (!isAlive(this.comp(cmd.c).life.state)) this.setLife(cmd.c, { state: 'failed' }, this.cause(cmd.cause));
        return;
      case 'set-destroyed':
        if (!isAlive(this.comp(cmd.c).life.state)) this.setLife(cmd.c, { state: 'destroyed' }, this.cause(cmd.cause));
        return;
      case 'set-stopped':
        if (this.comp(cmd.c).life.state === 'failed') this.setLife(cmd.c, { state: 'stopped' }, this.cause(cmd.cause));
        return;
      case 'heartbeat-missed': {
        const life = this.comp(cmd.c).life;
        if (life.state === 'hung') life.missedHeartbeats++;
        return;
      }
      case 'defer-termination':
        this.comp(cmd.c).unhandledTermination = { seq: cmd.seq, termination: cmd.termination, ranForUs: cmd.ranForUs };
        return;
      case 'take-deferred-termination':
        this.comp(cmd.c).unhandledTermination = undefined;
        return;
      case 'queue-event':
        this.comp(cmd.supervisor).pendingEvents.push(cmd.event);
        return;
      case 'take-queued-events':
        this.comp(cmd.supervisor).pendingEvents = [];
        return;
      case 'mark-restart-batch':
        this.comp(cmd.c).restartBatch = cmd.batch;
        return;
      case 'join-restart-batch':
        this.comp(cmd.c).restartBatch = this.cause(cmd.cause);
        return;
      case 'mark-escalation':
        this.comp(cmd.c).escalation = this.cause(cmd.cause);
        return;
      case 'finish-escalation':
        return this.finishEscalation(cmd.c);
      case 'set-power':
        return this.setPower(cmd.to, this.cause(cmd.cause));
      case 'complete-boot': {
        if (this.state.power !== 'booting') return;
        this.state.bootCompleted = true;
        const done = this.emit({ type: 'boot-completed', boot: this.state.bootCount });
        return this.setPower('up', done.seq);
      }
      case 'request-reboot':
        return this.requestReboot(cmd.culprit, cmd.reason, cmd.by, this.cause(cmd.cause), cmd.checkInFlight);
      case 'policy-reboot':
        return this.policyReboot(cmd.monitor, cmd.culprit, cmd.mode, cmd.reason, this.cause(cmd.cause)!, cmd.target);
      case 'clear-reboot-in-flight':
        this.state.rebootInFlight = false;
        return;
      case 'begin-shutdown':
        return this.beginShutdown(cmd.reason, cmd.culprit, this.cause(cmd.cause)!);
      case 'shutdown-ready':
        return this.shutdownReady(cmd.c);
      case 'reset':
        return this.reset(cmd.reason, cmd.culprit, this.cause(cmd.cause)!, cmd.flushFilesystems);
      case 'boot':
        return this.boot(this.cause(cmd.cause)!);
      case 'request-arrives':
        return this.requestArrives(cmd.c);
      case 'schedule-stochastic':
        return this.scheduleStochastic(cmd.fault, cmd.fromUs);
    }
  }

  // ---- state and power ------------------------------------------------------

  /** Sets a component's lifecycle; returns the seq of the `state` record when the state changed. */
  private setLife(c: number, life: Life, cause?: number): number | undefined {
    const component = this.comp(c);
    const from = component.life.state;
    component.life = life;
    if (from === life.state) return undefined;
    this.state.settled += (isSettled(life.state) ? 1 : 0) - (isSettled(from) ? 1 : 0);
    return this.emit({ type: 'state', component: this.name(c), from, to: life.state, cause }).seq;
  }

  private setPower(to: PowerState, cause?: number): void {
    if (this.state.power === to) return;
    const from = this.state.power;
    this.state.power = to;
    this.emit({ type: 'power', from, to, cause });
  }

  private systemIsStopping(): boolean {
    const p = this.state.power;
    return p === 'shutting-down' || p === 'rebooting' || p === 'panic' || p === 'halted';
  }

  // ---- run start, faults, background load -----------------------------------

  private startRun(seed: number): void {
    const scenario = this.topo.scenario;
    const start = this.emit({ type: 'run-started', seed });
    scenario.faults.forEach((f, i) => {
      if (f.trigger.kind === 'at') this.engine.scheduleAt(f.trigger.atUs, { k: 'fault', fault: i, source: 'scripted' });
      if (f.trigger.kind === 'rate') this.scheduleStochastic(i, f.trigger.fromUs);
    });
    this.resubscribeTriggers();
    this.topo.specs.forEach((spec, c) => spec.requests && this.scheduleNextRequest(c));
    this.boot(start.seq);
  }

  /** The stream of a stochastic fault: named by kind, target and ordinal, so other faults never shift its draws. */
  private faultStreamName(i: number): string {
    const faults = this.topo.scenario.faults;
    const f = faults[i]!;
    const key = `${f.fault}:${f.target ?? 'system'}`;
    let ordinal = 0;
    for (let j = 0; j < i; j++) if (faults[j]!.trigger.kind === 'rate' && `${faults[j]!.fault}:${faults[j]!.target ?? 'system'}` === key) ordinal++;
    return `fault:${key}:${ordinal}`;
  }

  private scheduleStochastic(i: number, fromUs: Micros): void {
    const trigger = this.topo.scenario.faults[i]!.trigger;
    if (trigger.kind !== 'rate' || trigger.perUs <= 0) return;
    const at = Math.max(fromUs, this.nowUs) + exponentialUs(this.streams.stream(this.faultStreamName(i)), 1 / trigger.perUs);
    if (at < Math.min(trigger.untilUs, this.topo.scenario.healUs ?? Infinity)) this.engine.scheduleAt(at, { k: 'fault', fault: i, source: 'stochastic' });
  }

  /** Triggered faults (`when:`) watch every record written; a fork subscribes its own recorder. */
  resubscribeTriggers(): void {
    if (this.topo.scenario.faults.some((f) => f.trigger.kind === 'when')) this.recorder.subscribe(this.triggerSink());
  }

  /** Triggered faults (`when:`), looked up by the type of each record written. */
  private triggerSink(): (record: TraceRecord) => void {
    const byType = new Map<string, number[]>();
    this.topo.scenario.faults.forEach((f, i) => {
      if (f.trigger.kind !== 'when') return;
      byType.set(f.trigger.record, [...(byType.get(f.trigger.record) ?? []), i]);
    });
    return (record) => {
      for (const i of byType.get(record.type) ?? []) {
        const t = this.topo.scenario.faults[i]!.trigger;
        if (t.kind !== 'when' || this.state.triggerBudget[i]! <= 0) continue;
        if (t.component !== undefined && t.component !== record.component) continue;
        // A `while:` condition that does not hold when the record appears: no firing, none of `times` used.
        if (!faultMayLand(this.state, this, this.topo.scenario.faults[i]!)) continue;
        this.state.triggerBudget[i]!--;
        this.engine.schedule(t.afterUs, { k: 'fault', fault: i, cause: record.seq, source: 'triggered' });
      }
    };
  }

  private injectFault(i: number, source: 'scripted' | 'triggered' | 'stochastic', cause: number | undefined): void {
    const spec = this.topo.scenario.faults[i]!;
    const record =
      recordTypeOf(spec) === 'operator'
        ? this.emit({ type: 'operator', component: spec.target!, source, cause, ...traceFieldsOf(spec) } as RecordDraft)
        : this.emit({ type: 'fault', component: spec.target, fault: spec.fault, source, cause, ...traceFieldsOf(spec) });
    this.facts.push({ f: 'fault-injected', fault: i, seq: record.seq });
  }

  private scheduleNextRequest(c: number): void {
    const stream = this.streams.stream(`requests:${this.name(c)}`);
    this.engine.schedule(exponentialUs(stream, 1_000_000 / this.topo.specs[c]!.requests!.ratePerS), { k: 'request', c });
  }

  private requestArrives(c: number): void {
    this.scheduleNextRequest(c);
    const life = this.comp(c).life;
    if (life.state === 'running') {
      inflightAt(life, this.nowUs);
      life.inflight.push(this.nowUs + this.topo.specs[c]!.requests!.serviceTimeUs);
    } else if (life.state === 'hung') {
      life.inflight.push(Infinity);
    }
  }

  // ---- starting -------------------------------------------------------------

  /** R4: a component starts only once what it needs runs; otherwise it waits, registered on the first missing one. */
  private requestStart(c: number, cause: number | undefined, why: 'boot' | 'restart' | 'resume' | 'start', waitFor?: string[]): void {
    const life = this.comp(c).life;
    if (life.state !== 'stopped' || this.systemIsStopping()) return;
    const pending = {
      cause: cause ?? 0,
      origin: life.pending?.origin ?? why,
      asRestart: why === 'resume' || (life.pending?.asRestart ?? false),
      waitFor: waitFor ?? life.pending?.waitFor ?? [],
    };
    const missing = missingFor(this.state, this.topo, c, pending.waitFor);
    if (missing.length > 0) {
      this.comp(c).life = { state: 'stopped', pending };
      for (const m of waitTargets(this.topo, c, missing)) this.comp(m).waiters.push(c);
      // R4: a restart is refused, naming what is missing, when something it needs is down with
      // nothing bringing it up yet; it waits without a word for what is already on its way
      // (starting, or itself waiting to start: a group restarting at the same instant). A resume
      // (taken down by a dependency, waiting for it) is its dependency's recovery, not its own:
      // refused only when what it needs is left down, with not even a restart scheduled. Boot
      // starts are refused when what they wait for ends or is refused (refuseWaiters).
      // A quorum still within reach blocks nothing (readiness.ts `blockingFor`).
      const blocking = blockingFor(this.state, this.topo, c, missing);
      const refused = why === 'restart' || why === 'start' ? !blocking.every((m) => this.isOnItsWay(m)) : why === 'resume' && !blocking.every((m) => willComeBack(this.state, m));
      if (refused) this.refuseStart(c, cause);
      return;
    }
    this.comp(c).life = { state: 'stopped', pending };
    this.release(c);
  }

  /**
   * R4: writes start-refused naming what a waiting start still misses, and
   * tells those waiting for it in turn (`start-blocked`).
   */
  private refuseStart(c: number, cause: number | undefined): void {
    const life = this.comp(c).life;
    // Nothing is started while the system goes down (or sits in a reboot target): nothing to refuse.
    if (life.state !== 'stopped' || !life.pending || this.systemIsStopping()) return;
    const missing = blockingFor(this.state, this.topo, c, missingFor(this.state, this.topo, c, life.pending.waitFor));
    if (missing.length === 0) return;
    life.pending.refused = true;
    const refused = this.emit({ type: 'start-refused', component: this.name(c), missing: missing.map((m) => this.name(m)), cause });
    this.facts.push({ f: 'start-blocked', c, seq: refused.seq });
  }

  /** Starting or waiting to start (readiness.ts); a method so that a teeth test can break it. */
  private isOnItsWay(c: number): boolean {
    return isOnItsWay(this.state, c);
  }

  /** An armed fault acts at a lifecycle moment unless its `while:` condition does not hold then. */
  private armedActs(armed: ArmedFault): boolean {
    return armed.while === undefined || conditionHolds(armed.while, this.comp(armed.while.c).life.state);
  }

  private release(c: number): void {
    const life = this.comp(c).life;
    if (life.state !== 'stopped' || !life.pending || this.systemIsStopping()) return;
    let cause = life.pending.cause;
    const component = this.comp(c);
    if (life.pending.asRestart) {
      component.restarts++;
      remember(component.history.restartsUs, this.nowUs);
      cause = this.emit({ type: 'restart', component: this.name(c), attempt: component.restarts, cause }).seq;
    }
    this.beginStart(c, cause);
  }

  private beginStart(c: number, cause: number): void {
    const spec = this.topo.specs[c]!;
    const component = this.comp(c);
    const rot = this.topo.scenario.system.rebootOnTerminate;
    if (spec.onTerminate === 'reboot' && rot.enabled && !isAllowlisted(spec.name, rot.allowlist)) {
      // F4: the allowlist is checked when the component starts.
      const refused = this.emit({ type: 'start-failed', component: spec.name, reason: `policy: "${spec.name}" is not in the reboot_on_terminate allowlist`, cause });
      this.setLife(c, { state: 'failed' }, refused.seq);
      this.facts.push({ f: 'start-blocked', c, seq: refused.seq });
      return;
    }
    component.generation++;
    component.autoRestart = undefined;
    remember(component.history.startsUs, this.nowUs);
    // Slowed starts armed together do not compound: the slowest one sets the start (a bound, however many are armed).
    let factor: number | undefined;
    component.armed = component.armed.filter((armed) => {
      if (!this.armedActs(armed)) return true;
      const at = armedHooksOf(armed.kind)?.atStartBegin?.(armed);
      if (at?.latencyFactor !== undefined) factor = Math.max(factor ?? 0, at.latencyFactor);
      // A fault with a `while:` condition stays armed: it acts whenever the condition holds.
      return !at?.consumed || armed.while !== undefined;
    });
    const latencyUs = Math.round(spec.startLatencyUs * (factor ?? 1));
    this.setLife(c, { state: 'starting' }, cause);
    this.engine.schedule(latencyUs, { k: 'start-done', c, generation: component.generation });
  }

  private finishStart(c: number): void {
    const component = this.comp(c);
    if (component.life.state !== 'starting') return;
    const failing = component.armed.findIndex((armed) => this.armedActs(armed) && armedHooksOf(armed.kind)?.atStartDone?.(armed).fail);
    if (failing >= 0) {
      const armed = component.armed[failing]!;
      if (armed.while === undefined) component.armed.splice(failing, 1);
      const reason = `the process exited during start${armed.while === undefined ? '' : ` (${armed.while.why})`}`;
      const failed = this.emit({ type: 'start-failed', component: this.name(c), reason });
      return this.terminate(c, { kind: 'exit', exitCode: 1 }, false, failed.seq, undefined, undefined, true);
    }
    component.armed = component.armed.filter((armed) => armed.while !== undefined || !this.armedActs(armed) || !armedHooksOf(armed.kind)?.atStartDone?.(armed).consumed);
    this.setLife(c, { state: 'running', startedAtUs: this.nowUs, inflight: [] });
    const probes = this.topo.specs[c]!.probes;
    if (probes) component.probe = freshProbeStatus(probes, component.generation);
    this.facts.push({ f: 'started', c, seq: this.recorder.nextSeq - 1 });
  }

  private restart(c: number, cause: number, waitFor?: string[]): void {
    const component = this.comp(c);
    component.restartScheduled = undefined;
    if (isAlive(component.life.state) && isJobStop(stopOf(component.life)?.reason)) {
      // Still stopping for a group decision: restarted with its group once all of it is down.
      component.restartBatch = cause;
      return;
    }
    if (component.life.state !== 'stopped') return;
    // One termination, one restart: a component already waiting to start (taken down by a
    // dependency or a strategy, or refused once) is on its way; a second monitor's restart adds nothing.
    if (this.isOnItsWay(c)) return;
    component.restarts++;
    component.autoRestart = undefined;
    remember(component.history.restartsUs, this.nowUs);
    const restart = this.emit({ type: 'restart', component: this.name(c), attempt: component.restarts, cause });
    this.requestStart(c, restart.seq, 'restart', waitFor);
  }

  /** systemd's restart counter counts the restart job even when its start is then refused (the start limit). */
  private countRestart(c: number, cause: number | undefined): void {
    const component = this.comp(c);
    if (component.life.state !== 'stopped' || this.isOnItsWay(c)) return;
    component.restarts++;
    component.autoRestart = undefined;
    component.restartScheduled = undefined;
    remember(component.history.restartsUs, this.nowUs);
    this.emit({ type: 'restart', component: this.name(c), attempt: component.restarts, cause });
  }

  /** A start job (systemctl start, OnFailure=): a failed unit leaves failed, then starts as a boot start would. */
  private startJob(c: number, cause: number | undefined): void {
    const component = this.comp(c);
    if (this.systemIsStopping()) return;
    if (component.life.state === 'failed') this.setLife(c, { state: 'stopped' }, cause);
    component.autoRestart = undefined;
    this.requestStart(c, cause, 'start');
  }

  /**
   * systemctl reset-failed (unit_reset_failed(), src/core/unit.c: `ratelimit_reset(&u->start_ratelimit)`,
   * and service_reset_failed(): a failed service becomes dead): the start-limit counter is cleared.
   */
  private resetFailed(c: number, cause: number | undefined): void {
    const component = this.comp(c);
    component.history.startsUs = [];
    if (component.life.state === 'failed') this.setLife(c, { state: 'stopped' }, cause);
  }

  // ---- stopping and termination ----------------------------------------------

  private ignoresStop(component: ComponentState): boolean {
    return component.armed.some((armed) => this.armedActs(armed) && armedHooksOf(armed.kind)?.ignoresStop);
  }

  /** Kubernetes probes: the kubelet's view of the current process changes; a container that becomes ready releases what waits for it. */
  private setProbeStatus(c: number, status: ProbeStatus): void {
    const component = this.comp(c);
    if (component.generation !== status.generation || !component.probe) return;
    const wasReady = component.probe.ready;
    component.probe = status;
    if (!wasReady && status.ready && component.life.state === 'running') this.facts.push({ f: 'ready', c, seq: this.recorder.nextSeq - 1 });
  }

  private stop(c: number, reason: StopReason, cause: number, waitFor: string[], as?: Termination, timeoutOverrideUs?: Micros, detected?: number): void {
    const component = this.comp(c);
    const life = component.life;
    if (!isAlive(life.state) || life.state === 'stopping' || stopOf(life) !== undefined) return;
    const request = this.emit({ type: 'stop-requested', component: this.name(c), reason, cause });
    const stop = { reason, cause: request.seq, waitFor, ...(as ? { as } : {}), ...(detected !== undefined ? { detected } : {}) };
    if (life.state === 'starting') return this.terminate(c, { kind: 'signal', signal: 'term' }, true, request.seq, undefined, stop);
    const proc = processOf(life)!;
    if (this.topo.specs[c]!.brutalKill) {
      // OTP `shutdown => brutal_kill` (supervisor.erl shutdown/2): exit(Pid, kill), no shutdown message first.
      const killed = this.emit({ type: 'killed', component: this.name(c), reason: 'brutal_kill', cause: request.seq });
      return this.terminate(c, { kind: 'signal', signal: 'kill' }, false, killed.seq, undefined, stop);
    }
    // F8/R5 (systemd TimeoutStopSec=): the stop timeout bounds every stop, a slow but willing one
    // included. A stop that takes exactly the timeout completes: its stop-done is scheduled first.
    // An infinite one (OTP `shutdown => infinity`) waits for the process however long it takes.
    const timeoutUs = timeoutOverrideUs ?? this.topo.specs[c]!.stopTimeoutUs ?? this.topo.scenario.system.stopTimeoutUs;
    const timeout = { k: 'stop-timeout' as const, c, generation: component.generation, cause: request.seq };
    if (life.state === 'hung' || this.ignoresStop(component)) {
      proc.stop = stop;
      if (Number.isFinite(timeoutUs)) this.engine.schedule(timeoutUs, timeout);
      return;
    }
    this.setLife(c, { state: 'stopping', startedAtUs: proc.startedAtUs, inflight: proc.inflight, stop }, request.seq);
    this.engine.schedule(this.topo.specs[c]!.stopLatencyUs, { k: 'stop-done', c, generation: component.generation, cause: request.seq });
    if (Number.isFinite(timeoutUs)) this.engine.schedule(timeoutUs, timeout);
  }

  /** R4/R8: a group stopped dependents first (the order is the reactor's; the queue is kept here). */
  private stopGroup(members: readonly { c: number; waitingFor: number; after?: number }[], reason: StopReason, cause: number, waitFor: string[]): void {
    if (members.length === 0) return;
    const group = this.state.nextStopGroup++;
    for (const { c, waitingFor, after } of members) {
      const component = this.comp(c);
      component.stopGroup = group;
      component.queuedStop = waitingFor > 0 ? { waitingFor, reason, cause, waitFor, ...(after !== undefined ? { after } : {}) } : undefined;
    }
    for (const { c, waitingFor } of members) if (waitingFor === 0) this.stop(c, reason, cause, waitFor);
  }

  private stopGroupTick(c: number, group: number): void {
    const component = this.comp(c);
    const queued = component.queuedStop;
    if (component.stopGroup !== group || !queued || --queued.waitingFor > 0) return;
    component.queuedStop = undefined;
    this.stop(c, queued.reason, queued.cause, queued.waitFor);
  }

  /**
   * R8: saving needs the save path: its store and what the store depends on
   * (sim/model/save-path.ts), alive and answering. Of those that are not,
   * the one down the longest (its end or hang came first: the root of the
   * others' being down), with the seq of that end or hang; or undefined.
   */
  private downStore(c: number): { store: number; cause: number | undefined } | undefined {
    let root: { store: number; cause: number | undefined } | undefined;
    for (const d of this.topo.savePath[c]!) {
      const state = this.comp(d).life.state;
      if (state === 'running' || state === 'stopping') continue;
      const cause = this.storeDownCause(d);
      if (!root || (cause ?? Infinity) < (root.cause ?? Infinity)) root = { store: d, cause };
    }
    return root;
  }

  /** Why a store cannot take a save: its hang, or its last end. */
  private storeDownCause(store: number): number | undefined {
    const component = this.comp(store);
    return component.life.state === 'hung' ? component.life.hungCause : component.lastEndSeq;
  }

  /**
   * The one place a process ends. A graceful ending flushes its data and
   * drains its requests; any other loses what was unflushed or in flight.
   */
  private terminate(
    c: number,
    termination: Termination,
    graceful: boolean,
    cause: number | undefined,
    detectedSeq?: number,
    stopOverride?: { reason: StopReason; waitFor: string[]; as?: Termination; detected?: number },
    startFailed = false,
  ): void {
    const component = this.comp(c);
    const life = component.life;
    if (!isAlive(life.state)) return;
    const name = this.name(c);
    const proc = processOf(life);
    const unflushed = unflushedBytes(this.topo, c, proc, this.nowUs);
    const inflight = !proc ? 0 : life.state === 'hung' ? proc.inflight.length : inflightAt(proc, this.nowUs);
    const stop = stopOverride ?? proc?.stop;
    // A stop that says how its end is recorded (a liveness kill: a probe failure, TERM honoured or not).
    if (stop?.as) termination = stop.as;
    if (detectedSeq === undefined && stop && 'detected' in stop) detectedSeq = stop.detected;
    component.generation++;
    // A graceful ending saves what is unflushed, if the storage under it is still there (R8), at a
    // system shutdown too: there the order (F8) keeps every store up unless one was down before.
    const store = graceful && unflushed > 0 ? this.downStore(c) : undefined;
    if (graceful && unflushed > 0 && store === undefined) this.emit({ type: 'data-flushed', component: name, bytes: unflushed, cause });
    const ended = this.emit({ type: 'terminated', component: name, termination, graceful, cause });
    component.lastEndSeq = ended.seq;
    if (!graceful && unflushed > 0) this.emit({ type: 'data-lost', component: name, bytes: unflushed, cause: ended.seq });
    // Saved to a store that has stopped (or hangs): lost, and caused by that store's end (or its hang).
    if (store !== undefined) this.emit({ type: 'data-lost', component: name, bytes: unflushed, cause: store.cause ?? ended.seq });
    const clientsLoseRequests = this.topo.specs[c]!.requests?.clients === 'char' || termination.kind === 'system-reset';
    if (!graceful && inflight > 0 && clientsLoseRequests) this.emit({ type: 'requests-lost', component: name, count: inflight, cause: ended.seq });
    this.setLife(c, stop?.reason === 'destroy' ? { state: 'destroyed' } : { state: 'stopped' }, ended.seq);
    const route = routeOf(this.state.power, stop?.reason);
    if (route === 'own') {
      if (isFailure(termination)) remember(component.history.failuresUs, this.nowUs);
      remember(component.history.endsUs, this.nowUs);
    }
    const ranForUs = proc ? this.nowUs - proc.startedAtUs : 0;
    this.facts.push({ f: 'terminated', c, termination, route, stopReason: stop?.reason, waitFor: stop?.waitFor ?? [], ranForUs, startFailed, seq: ended.seq, detectedSeq });
  }

  private finishEscalation(m: number): void {
    const monitor = this.comp(m);
    if (monitor.escalation === undefined) return;
    if (this.topo.childrenOf[m]!.some((child) => isAlive(this.comp(child).life.state))) return;
    const cause = monitor.escalation;
    monitor.escalation = undefined;
    // supervisor.erl restart/2: add_restart/1 says terminate -> {shutdown, State} -> the gen_server
    // stops with reason `shutdown`, which a transient parent spec does not restart (do_restart/3).
    // recsim writes that exit reason as a clean SIGTERM-like end (restart-conditions.ts: transient).
    this.terminate(m, { kind: 'signal', signal: 'term' }, false, cause);
  }

  // ---- reboot, shutdown, panic, boot ----------------------------------------

  /**
   * F6: one reboot task at most. The request goes to the shutdown shim at
   * once; what the shim does with it is the power reactor's (`forwardThroughShim`).
   */
  private requestReboot(culprit: string, reason: string, by: string, cause: number | undefined, checkInFlight: boolean): void {
    if (checkInFlight && (this.systemIsStopping() || this.state.rebootInFlight)) {
      this.emit({ type: 'decision', component: culprit, by, action: 'none', reason: 'a reboot is already under way', cause });
      return;
    }
    this.state.rebootInFlight = true;
    const request = this.emit({ type: 'reboot-requested', component: culprit, by, mode: 'graceful', reason, cause });
    this.facts.push({ f: 'reboot-requested', seq: request.seq, culprit, reason, by });
  }

  /** A policy's reboot action (systemd FailureAction, Android init, MINIX): straight to the power manager. */
  private policyReboot(monitor: string, culprit: string, mode: 'graceful' | 'force' | 'immediate', reason: string, cause: number, target?: string): void {
    if (this.systemIsStopping() || this.state.rebootInFlight) return;
    if (mode === 'immediate') return this.reset(reason, culprit, cause, false, target);
    this.state.rebootInFlight = true;
    const request = this.emit({ type: 'reboot-requested', component: culprit, by: monitor, mode: mode === 'graceful' ? 'graceful' : 'ungraceful', reason, cause });
    if (mode === 'graceful') this.beginShutdown(reason, culprit, request.seq);
    else this.reset(`${reason} (reboot-force: processes killed, filesystems flushed)`, culprit, request.seq, true);
  }

  /** F8/R5: an orderly shutdown; what is ready first is what nothing else must outlive. */
  private beginShutdown(reason: string, culprit: string | undefined, cause: number): void {
    if (this.systemIsStopping()) return;
    this.setPower('shutting-down', cause);
    const started = this.emit({ type: 'shutdown-started', mode: 'graceful', reason, culprit, cause });
    for (const component of this.state.components) {
      if (component.life.state === 'stopped') component.life = { state: 'stopped' };
      component.pendingEvents = [];
      component.waiters = [];
      component.stopGroup = undefined;
      component.queuedStop = undefined;
    }
    const n = this.state.components.length;
    this.state.shutdown = { cause: started.seq, waitingFor: [...this.topo.shutdown.mustStopFirst], finished: new Array<boolean>(n).fill(false), finishedCount: 0 };
    this.facts.push({ f: 'shutdown-started', seq: started.seq });
  }

  /**
   * A component's turn in the shutdown: asked to stop if it is alive, else
   * finished, which may make others ready in turn (a worklist, not recursion,
   * so a long chain of stopped components is walked in constant stack).
   */
  private shutdownReady(first: number): void {
    const shutdown = this.state.shutdown;
    if (!shutdown || this.state.power !== 'shutting-down') return;
    const work = [first];
    while (work.length > 0) {
      const c = work.shift()!;
      if (shutdown.finished[c] || shutdown.waitingFor[c]! > 0) continue;
      if (isAlive(this.comp(c).life.state)) {
        this.stop(c, 'shutdown', shutdown.cause, []);
        continue;
      }
      shutdown.finished[c] = true;
      shutdown.finishedCount++;
      for (const next of this.topo.shutdown.stopsBefore[c]!) if (--shutdown.waitingFor[next]! === 0) work.push(next);
    }
    if (shutdown.finishedCount === this.state.components.length) {
      const done = this.emit({ type: 'shutdown-completed', cause: shutdown.cause });
      this.state.shutdown = undefined;
      this.setPower('rebooting', done.seq);
      this.state.epoch++;
      this.engine.schedule(this.topo.scenario.system.resetDelayUs, { k: 'boot', cause: done.seq });
    }
  }

  /**
   * Resets the system at once: everything alive ends and whatever was
   * unflushed or in flight is lost. With `flushFilesystems` (systemd's
   * reboot-force) processes are killed but their data reaches the disk first.
   * With a `target` the device resets into that reboot target (Android's
   * fatal reboot target: LINUX_REBOOT_CMD_RESTART2 with "bootloader") and
   * stays there, `halted`: no boot follows.
   */
  private reset(reason: string, culprit: string | undefined, cause: number, flushFilesystems: boolean, target?: string): void {
    if (this.state.power === 'panic' || this.state.power === 'halted') return;
    this.setPower('panic', cause);
    const panic = this.emit({ type: 'panic', reason, culprit, cause, ...(target !== undefined ? { target } : {}) });
    this.state.epoch++;
    this.state.shutdown = undefined;
    this.state.components.forEach((component, c) => {
      const proc = processOf(component.life);
      if (!isAlive(component.life.state)) return;
      const unflushed = flushFilesystems ? unflushedBytes(this.topo, c, proc, this.nowUs) : 0;
      if (unflushed > 0 && proc) {
        this.emit({ type: 'data-flushed', component: this.name(c), bytes: unflushed, cause: panic.seq });
        proc.startedAtUs = this.nowUs; // nothing left unflushed
      }
      this.terminate(c, { kind: 'system-reset' }, false, panic.seq);
    });
    if (target !== undefined) this.setPower('halted', panic.seq);
    else this.engine.schedule(this.topo.scenario.system.resetDelayUs, { k: 'boot', cause: panic.seq });
  }

  /** A new boot: every component starts clean (history, armed faults, overrides); nothing carries over. */
  private boot(cause: number): void {
    const s = this.state;
    s.epoch++;
    s.bootCount++;
    s.rebootInFlight = false;
    s.bootCompleted = false;
    s.shutdown = undefined;
    this.setPower('booting', cause);
    const boot = this.emit({ type: 'boot-started', boot: s.bootCount, cause });
    s.components.forEach((component, c) => {
      if (component.life.state === 'failed' || component.life.state === 'destroyed') this.setLife(c, { state: 'stopped' }, boot.seq);
      s.components[c] = freshComponent(this.comp(c).generation);
    });
    this.facts.push({ f: 'boot-started', seq: boot.seq });
  }
}
