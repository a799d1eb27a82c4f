import { Engine, type RunLimits, type RunOutcome } from '../engine/engine.js';
import { exponentialUs, StreamFactory } from '../engine/rng.js';
import type { Micros } from '../engine/time.js';
import { isFailure } from '../policy/termination.js';
import { HISTORY_MAX } from '../policy/types.js';
import { isAllowlisted } from '../scenario/realm.js';
import type { FaultSpec, Scenario } from '../scenario/types.js';
import { Recorder } from '../trace/recorder.js';
import type { LifecycleState, PowerState, RecordType, Termination, TraceRecord } from '../trace/records.js';
import { afterTermination, awaitResume, destroyTransientChildren, flawedRebootDuringShutdown, stopDependents } from './after-termination.js';
import { type ComponentRuntime, inflightAt, isAlive, newRuntime, remember, type StopReason, unflushedBytes } from './component.js';
import type { SimEvent } from './events.js';
import { afterPolicyStop, handleMissedTerminations } from './monitor.js';
import { advanceShutdown, beginShutdown, boot, checkBootComplete, onRebootCall, panic, rebootCallFailed } from './power.js';
import { deliverPendingEvents, notifySupervisors } from './supervisor-events.js';
import { notifyUserMonitors } from './user-monitor.js';
import { onCall, onCallTimeout, onHeartbeat, watchHung } from './watchdog.js';


/**
 * The simulated system: components, their monitors, the component manager's
 * reboot-on-terminate logic and the power manager. The World is the one
 * owner of a run's mutable state; decisions are delegated to pure functions
 * (`decideRecovery`, `shouldRebootOnTerminate`, `planCoreFailure`), and
 * everything that happens is written to the trace.
 *
 * This file holds the state, the event dispatch, faults and the lifecycle
 * (start, stop, terminate). The files beside it are the World's other
 * methods, split by concept and taking the World as their first argument:
 * power.ts, monitor.ts, watchdog.ts, supervisor-events.ts, user-monitor.ts,
 * after-termination.ts. Its members are therefore public, but they are the
 * model's internal API: nothing outside sim/model/ uses them.
 */
export class World {
  readonly engine = new Engine<SimEvent>();
  readonly recorder = new Recorder(() => this.engine.nowUs);
  readonly streams: StreamFactory;
  readonly components: ComponentRuntime[];
  readonly byName = new Map<string, ComponentRuntime>();
  readonly dependsOn: number[][];
  readonly dependents: number[][];
  readonly powerManager?: ComponentRuntime;
  readonly triggerBudget: number[];
  /** Triggered faults by the record type that fires them, in declaration order. */
  readonly triggersByType = new Map<RecordType, number[]>();

  power: PowerState = 'booting';
  /** Bumped by every reboot and panic: events scheduled before it are stale. */
  epoch = 0;
  bootCount = 0;
  rebootInFlight = false;
  bootCompleted = false;
  rebootCallFailures = 0;
  shutdownCause = 0;
  readonly hungSince = new Map<number, number>();
  readonly faultStreams = new Map<number, () => number>();
  readonly requestStreams = new Map<number, () => number>();

  constructor(readonly scenario: Scenario, readonly seed: number) {
    this.streams = new StreamFactory(seed);
    this.components = scenario.components.map((spec, i) => newRuntime(spec, i));
    for (const c of this.components) this.byName.set(c.spec.name, c);
    this.dependsOn = this.components.map((c) => c.spec.depends.map((d) => this.byName.get(d)!.index));
    this.dependents = this.components.map(() => []);
    this.dependsOn.forEach((deps, i) => deps.forEach((d) => this.dependents[d]!.push(i)));
    this.powerManager = this.components.find((c) => c.spec.kind === 'power-manager');
    this.triggerBudget = scenario.faults.map((f) => (f.trigger.kind === 'when' ? f.trigger.times : 0));
  }

  get nowUs(): Micros {
    return this.engine.nowUs;
  }

  run(limits: RunLimits): RunOutcome {
    const start = this.emit({ type: 'run-started', seed: this.seed });
    this.planFaults();
    this.planBackgroundLoad();
    boot(this, start.seq);
    const outcome = this.engine.run((event) => this.handle(event), limits);
    this.emit({ type: 'run-ended', outcome: outcome.kind === 'event-budget-exhausted' ? 'event-budget-exhausted' : 'completed' });
    return outcome;
  }

  // ---- event dispatch ------------------------------------------------------

  handle(event: SimEvent): void {
    switch (event.k) {
      case 'fault':
        return this.onFault(event.fault, event.source, event.cause);
      case 'start-done':
        return this.onStartDone(this.components[event.c]!, event.generation);
      case 'stop-done':
        return this.onStopDone(this.components[event.c]!, event.generation, event.cause);
      case 'stop-timeout':
        return this.onStopTimeout(this.components[event.c]!, event.generation, event.cause);
      case 'restart':
        return this.onRestart(this.components[event.c]!, event.epoch, event.cause);
      case 'heartbeat':
        return onHeartbeat(this, this.components[event.c]!, event.generation);
      case 'call':
        return onCall(this, this.components[event.c]!, event.generation);
      case 'call-timeout':
        return onCallTimeout(this, this.components[event.c]!, event.generation, event.cause);
      case 'request':
        return this.onRequest(this.components[event.c]!);
      case 'reboot-call':
        return onRebootCall(this, event.epoch, event.cause, event.reason, event.culprit, event.by);
      case 'reboot-call-timeout':
        if (event.epoch === this.epoch && this.power !== 'shutting-down') {
          rebootCallFailed(this, `Admin.Reboot timed out (${event.reason})`, event.culprit, event.cause, event.by);
        }
        return;
      case 'boot':
        return boot(this, event.cause);
    }
  }

  emit(draft: Parameters<Recorder['emit']>[0]): TraceRecord {
    return this.recorder.emit(draft);
  }

  setState(c: ComponentRuntime, to: LifecycleState, cause?: number): void {
    if (c.state === to) return;
    const from = c.state;
    c.state = to;
    this.emit({ type: 'state', component: c.spec.name, from, to, cause });
  }

  setPower(to: PowerState, cause?: number): void {
    if (this.power === to) return;
    const from = this.power;
    this.power = to;
    this.emit({ type: 'power', from, to, cause });
  }

  systemIsStopping(): boolean {
    return this.power === 'shutting-down' || this.power === 'rebooting' || this.power === 'panic';
  }

  // ---- faults --------------------------------------------------------------

  planFaults(): void {
    const ordinal = new Map<string, number>();
    this.scenario.faults.forEach((f, i) => {
      if (f.trigger.kind === 'at') this.engine.scheduleAt(f.trigger.atUs, { k: 'fault', fault: i, source: 'scripted' });
      if (f.trigger.kind === 'rate') {
        const key = `${f.fault}:${f.target ?? 'system'}`;
        const n = ordinal.get(key) ?? 0;
        ordinal.set(key, n + 1);
        this.faultStreams.set(i, this.streams.stream(`fault:${key}:${n}`));
        this.scheduleNextStochastic(i, f.trigger.fromUs);
      }
    });
    this.scenario.faults.forEach((f, i) => {
      if (f.trigger.kind !== 'when') return;
      const list = this.triggersByType.get(f.trigger.record) ?? [];
      list.push(i);
      this.triggersByType.set(f.trigger.record, list);
    });
    if (this.triggersByType.size > 0) this.recorder.subscribe((record) => this.fireTriggers(record));
  }

  scheduleNextStochastic(i: number, fromUs: Micros): void {
    const trigger = this.scenario.faults[i]!.trigger;
    if (trigger.kind !== 'rate' || trigger.perUs <= 0) return;
    const at = Math.max(fromUs, this.nowUs) + exponentialUs(this.faultStreams.get(i)!, 1 / trigger.perUs);
    if (at < Math.min(trigger.untilUs, this.scenario.healUs ?? Infinity)) this.engine.scheduleAt(at, { k: 'fault', fault: i, source: 'stochastic' });
  }

  /** Called for every record, so it looks only at the faults triggered by this record's type. */
  fireTriggers(record: TraceRecord): void {
    for (const i of this.triggersByType.get(record.type) ?? []) {
      const t = this.scenario.faults[i]!.trigger;
      if (t.kind !== 'when' || this.triggerBudget[i]! <= 0) continue;
      if (t.component !== undefined && t.component !== record.component) continue;
      this.triggerBudget[i]!--;
      this.engine.schedule(t.afterUs, { k: 'fault', fault: i, cause: record.seq, source: 'triggered' });
    }
  }

  onFault(i: number, source: 'scripted' | 'triggered' | 'stochastic', cause?: number): void {
    const spec = this.scenario.faults[i]!;
    if (this.scenario.healUs !== undefined && this.nowUs >= this.scenario.healUs) return; // the heal phase injects nothing
    if (source === 'stochastic') this.scheduleNextStochastic(i, this.nowUs);
    const record = this.emit({
      type: 'fault',
      component: spec.target,
      fault: spec.fault,
      source,
      cause,
      ...((spec.fault === 'crash' && !spec.signal) || spec.fault === 'exit' ? { exitCode: spec.exitCode } : {}),
      ...(spec.fault === 'crash' && spec.signal ? { signal: spec.signal } : {}),
    });
    this.applyFault(spec, record.seq);
  }

  applyFault(spec: FaultSpec, cause: number): void {
    const c = spec.target === undefined ? undefined : this.byName.get(spec.target)!;
    switch (spec.fault) {
      case 'crash':
        if (c && isAlive(c.state)) {
          const termination: Termination = spec.signal ? { kind: 'signal', signal: spec.signal } : { kind: 'exit', exitCode: spec.exitCode };
          this.terminate(c, termination, cause, false);
        }
        return;
      case 'kill':
        if (c && isAlive(c.state)) this.terminate(c, { kind: 'signal', signal: 'kill' }, cause, false);
        return;
      case 'exit':
        if (c && isAlive(c.state)) this.terminate(c, { kind: 'exit', exitCode: spec.exitCode }, cause, true);
        return;
      case 'hang':
        if (c && c.state === 'running') {
          this.setState(c, 'hung', cause);
          this.hungSince.set(c.index, cause);
          watchHung(this, c);
        }
        return;
      case 'fail-start':
        if (c) c.failNextStarts++;
        return;
      case 'ignore-stop':
        if (c) c.ignoresStop = true;
        return;
      case 'reboot-call-fails':
        this.rebootCallFailures++;
        return;
      case 'override':
        if (c) c.policyOverride = spec.policy;
        return;
      case 'destroy':
        if (c && isAlive(c.state)) this.stopComponent(c, 'destroy', cause);
        else if (c && c.state !== 'destroyed') this.setState(c, 'destroyed', cause);
        return;
      case 'shutdown':
        if (!this.systemIsStopping() && !this.rebootInFlight) {
          this.rebootInFlight = true;
          const reason = spec.reason ?? 'user-request';
          const request = this.emit({ type: 'reboot-requested', by: 'user', mode: 'graceful', reason, cause });
          beginShutdown(this, reason, undefined, request.seq);
        }
        return;
    }
  }

  // ---- background load: heartbeats and requests ---------------------------

  planBackgroundLoad(): void {
    for (const c of this.components) if (c.spec.requests) this.scheduleNextRequest(c);
  }

  scheduleNextRequest(c: ComponentRuntime): void {
    let stream = this.requestStreams.get(c.index);
    if (!stream) {
      stream = this.streams.stream(`requests:${c.spec.name}`);
      this.requestStreams.set(c.index, stream);
    }
    this.engine.schedule(exponentialUs(stream, 1_000_000 / c.spec.requests!.ratePerS), { k: 'request', c: c.index });
  }

  onRequest(c: ComponentRuntime): void {
    this.scheduleNextRequest(c);
    if (c.state === 'running') {
      inflightAt(c, this.nowUs);
      c.inflight.push(this.nowUs + c.spec.requests!.serviceTimeUs);
    } else if (c.state === 'hung') {
      c.inflight.push(Infinity);
    }
  }

  // ---- starting ------------------------------------------------------------

  missingDependencies(c: ComponentRuntime): string[] {
    const missing = this.dependsOn[c.index]!.filter((d) => this.components[d]!.state !== 'running').map((d) => this.components[d]!.spec.name);
    for (const name of c.waitFor) if (this.byName.get(name)!.state !== 'running' && !missing.includes(name)) missing.push(name);
    // A monitor starts its own children: they wait for it.
    const monitor = c.spec.monitor;
    if (monitor !== undefined && this.byName.get(monitor)!.state !== 'running' && !missing.includes(monitor)) missing.push(monitor);
    return missing;
  }

  /** R4: a component is not started until its dependencies run; a restart that finds them down is refused and waits. */
  requestStart(c: ComponentRuntime, cause: number, why: 'boot' | 'restart'): void {
    if (c.state !== 'stopped' || this.systemIsStopping()) return;
    const missing = this.missingDependencies(c);
    if (missing.length > 0) {
      c.waitingForDeps = true;
      c.pendingStartCause = cause;
      if (why === 'restart') this.emit({ type: 'start-refused', component: c.spec.name, missing, cause });
      return;
    }
    this.beginStart(c, cause);
  }

  beginStart(c: ComponentRuntime, cause: number): void {
    c.waitingForDeps = false;
    c.waitFor = [];
    c.resumeAsRestart = false;
    const rot = this.scenario.system.rebootOnTerminate;
    if (c.spec.onTerminate === 'reboot' && rot.enabled && !isAllowlisted(c.spec.name, rot.allowlist)) {
      // F4: the allowlist is checked when the component starts.
      const refused = this.emit({
        type: 'start-failed',
        component: c.spec.name,
        reason: `policy: "${c.spec.name}" is not in the reboot_on_terminate allowlist`,
        cause,
      });
      this.setState(c, 'failed', refused.seq);
      return;
    }
    c.generation++;
    c.missedHeartbeats = 0;
    remember(c.history.startsUs, this.nowUs, HISTORY_MAX);
    this.setState(c, 'starting', cause);
    this.engine.schedule(c.spec.startLatencyUs, { k: 'start-done', c: c.index, generation: c.generation });
  }

  onStartDone(c: ComponentRuntime, generation: number): void {
    if (generation !== c.generation || c.state !== 'starting') return;
    if (c.failNextStarts > 0) {
      c.failNextStarts--;
      const failed = this.emit({ type: 'start-failed', component: c.spec.name, reason: 'the process exited during start' });
      c.failedToStart = true;
      this.terminate(c, { kind: 'exit', exitCode: 1 }, failed.seq, false);
      return;
    }
    c.startedAtUs = this.nowUs;
    c.inflight.length = 0;
    c.ignoresStop = false;
    this.setState(c, 'running');
    this.releaseWaiters();
    if (c.spec.kind === 'monitor' || c.spec.kind === 'component-manager' || c.spec.kind === 'supervisor') handleMissedTerminations(this, c);
    if (c.spec.kind === 'supervisor') deliverPendingEvents(this, c);
    checkBootComplete(this);
  }

  releaseWaiters(): void {
    for (const w of this.components) {
      if (!w.waitingForDeps || w.state !== 'stopped' || this.missingDependencies(w).length > 0) continue;
      let cause = w.pendingStartCause ?? 0;
      if (w.resumeAsRestart) {
        w.restarts++;
        remember(w.history.restartsUs, this.nowUs, HISTORY_MAX);
        cause = this.emit({ type: 'restart', component: w.spec.name, attempt: w.restarts, cause }).seq;
      }
      this.beginStart(w, cause);
    }
  }

  /** Takes a component down for a reason outside itself; it starts again once `waitFor` (and its dependencies) run. */
  suspend(c: ComponentRuntime, how: 'kill' | 'stop', waitFor: string[], cause: number, reason = 'a dependency stopped'): void {
    c.waitFor = waitFor;
    if (how === 'stop') return this.stopComponent(c, 'dependency', cause);
    c.stopReason = 'dependency';
    const killed = this.emit({ type: 'killed', component: c.spec.name, reason, cause });
    this.terminate(c, { kind: 'signal', signal: 'kill' }, killed.seq, false);
  }

  // ---- stopping ------------------------------------------------------------

  stopComponent(c: ComponentRuntime, reason: StopReason, cause: number): void {
    if (!isAlive(c.state) || c.state === 'stopping' || c.stopReason !== undefined) return;
    c.stopReason = reason;
    const request = this.emit({ type: 'stop-requested', component: c.spec.name, reason, cause });
    if (c.state === 'starting') {
      this.terminate(c, { kind: 'signal', signal: 'term' }, request.seq, true);
      return;
    }
    if (c.state === 'hung' || c.ignoresStop) {
      const timeoutUs = c.spec.stopTimeoutUs ?? this.scenario.system.stopTimeoutUs;
      this.engine.schedule(timeoutUs, { k: 'stop-timeout', c: c.index, generation: c.generation, cause: request.seq });
      return;
    }
    this.setState(c, 'stopping', request.seq);
    this.engine.schedule(c.spec.stopLatencyUs, { k: 'stop-done', c: c.index, generation: c.generation, cause: request.seq });
  }

  onStopDone(c: ComponentRuntime, generation: number, cause: number): void {
    if (generation !== c.generation || c.state !== 'stopping') return;
    this.terminate(c, { kind: 'exit', exitCode: 0 }, cause, true);
  }

  /** F8/R5: a stop request not honoured in time ends in a kill. */
  onStopTimeout(c: ComponentRuntime, generation: number, cause: number): void {
    if (generation !== c.generation || !isAlive(c.state)) return;
    const killed = this.emit({ type: 'killed', component: c.spec.name, reason: 'stop timeout', cause });
    this.terminate(c, { kind: 'stop-timeout' }, killed.seq, false);
  }

  // ---- termination ---------------------------------------------------------

  /**
   * The one place a process ends. A graceful ending flushes its data and
   * drains its requests; any other loses what was unflushed or in flight.
   */
  terminate(c: ComponentRuntime, termination: Termination, cause: number | undefined, graceful: boolean, detectedSeq?: number): void {
    if (!isAlive(c.state)) return;
    const name = c.spec.name;
    const unflushed = unflushedBytes(c, this.nowUs);
    const inflight = c.state === 'hung' ? c.inflight.length : inflightAt(c, this.nowUs);
    const stopReason = c.stopReason;
    c.generation++;
    c.stopReason = undefined;
    c.inflight.length = 0;
    this.hungSince.delete(c.index);
    if (graceful && unflushed > 0) this.emit({ type: 'data-flushed', component: name, bytes: unflushed, cause });
    const ended = this.emit({ type: 'terminated', component: name, termination, graceful, cause });
    if (!graceful && unflushed > 0) this.emit({ type: 'data-lost', component: name, bytes: unflushed, cause: ended.seq });
    const clientsLoseRequests = c.spec.requests?.clients === 'char' || termination.kind === 'system-reset';
    if (!graceful && inflight > 0 && clientsLoseRequests) this.emit({ type: 'requests-lost', component: name, count: inflight, cause: ended.seq });
    this.setState(c, stopReason === 'destroy' ? 'destroyed' : 'stopped', ended.seq);

    const failedToStart = c.failedToStart;
    c.failedToStart = false;
    if (this.power === 'shutting-down') {
      flawedRebootDuringShutdown(this, c, termination, ended.seq, stopReason);
      return advanceShutdown(this);
    }
    if (this.systemIsStopping()) return;
    destroyTransientChildren(this, c, ended.seq);
    if (stopReason === 'destroy') return; // F2: destroyed, not terminated from within
    if (c.pendingEvents.length > 0) this.requestStart(c, ended.seq, 'restart'); // on_receive: start still owes it these events
    if (stopReason === 'policy') return afterPolicyStop(this, c);
    stopDependents(this, c, ended.seq);
    if (stopReason === 'dependency') return awaitResume(this, c, ended.seq);
    if (isFailure(termination)) remember(c.history.failuresUs, this.nowUs, HISTORY_MAX);
    remember(c.history.endsUs, this.nowUs, HISTORY_MAX);
    if (c.spec.mainProcessCritical && isFailure(termination)) {
      // F9: a non-zero exit or a kill of a main-process-critical component brings the system down ungracefully.
      return panic(this, 'critical-process-failure', c.spec.name, ended.seq);
    }
    notifySupervisors(this, c, termination, failedToStart, ended.seq);
    notifyUserMonitors(this, c, termination, ended.seq);
    afterTermination(this, c, termination, ended.seq, detectedSeq);
  }

  onRestart(c: ComponentRuntime, epoch: number, cause: number): void {
    if (epoch !== this.epoch || this.systemIsStopping()) return;
    if (isAlive(c.state) && c.stopReason === 'policy') {
      c.restartWhenStopped = cause;
      return;
    }
    if (c.state !== 'stopped') return;
    c.restarts++;
    remember(c.history.restartsUs, this.nowUs, HISTORY_MAX);
    const restart = this.emit({ type: 'restart', component: c.spec.name, attempt: c.restarts, cause });
    this.requestStart(c, restart.seq, 'restart');
  }

  // ---- reboot, shutdown, panic, boot ---------------------------------------

}

