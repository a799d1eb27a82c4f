import { Engine, type RunLimits, type RunOutcome } from '../engine/engine.js';
import { exponentialUs, StreamFactory } from '../engine/rng.js';
import type { Micros } from '../engine/time.js';
import { decideRecovery } from '../policy/decide.js';
import { describeTermination, isFailure } from '../policy/termination.js';
import { HISTORY_MAX, type Effect, type RecoveryDecision, type RecoveryPolicy } from '../policy/types.js';
import { isAllowlisted } from '../scenario/realm.js';
import type { FaultSpec, Scenario } from '../scenario/types.js';
import type { LifecycleState, PowerState, Termination, TraceRecord } from '../trace/records.js';
import { Recorder } from '../trace/recorder.js';
import { inflightAt, isAlive, newRuntime, remember, unflushedBytes, type ComponentRuntime, type StopReason, type SupervisorEvent } from './component.js';
import { planCoreFailure } from './core-failure.js';
import { shouldRebootOnTerminate } from './critical.js';
import type { SimEvent } from './events.js';

const ROOT_MONITOR = 'init';
const COMPONENT_MANAGER = 'component_manager';

/**
 * The simulated system: components, their monitors, the component manager's
 * reboot-on-terminate logic and the power manager. The World is the one
 * owner of a run's mutable state; decisions it takes are delegated to pure
 * functions (`decideRecovery`, `shouldRebootOnTerminate`, `planCoreFailure`), and everything it
 * does is written to the trace.
 */
export class World {
  readonly engine = new Engine<SimEvent>();
  readonly recorder = new Recorder(() => this.engine.nowUs);
  readonly streams: StreamFactory;
  readonly components: ComponentRuntime[];
  private readonly byName = new Map<string, ComponentRuntime>();
  private readonly dependsOn: number[][];
  private readonly dependents: number[][];
  private readonly powerManager?: ComponentRuntime;
  private readonly triggerBudget: number[];

  private power: PowerState = 'booting';
  /** Bumped by every reboot and panic: events scheduled before it are stale. */
  private epoch = 0;
  private bootCount = 0;
  private rebootInFlight = false;
  private bootCompleted = false;
  private rebootCallFailures = 0;
  private shutdownCause = 0;
  private readonly hungSince = new Map<number, number>();
  private readonly faultStreams = new Map<number, () => number>();
  private readonly requestStreams = new Map<number, () => number>();

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
    this.boot(start.seq);
    const outcome = this.engine.run((event) => this.handle(event), limits);
    this.emit({ type: 'run-ended', outcome: outcome.kind === 'event-budget-exhausted' ? 'event-budget-exhausted' : 'completed' });
    return outcome;
  }

  // ---- event dispatch ------------------------------------------------------

  private handle(event: SimEvent): void {
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
        return this.onHeartbeat(this.components[event.c]!, event.generation);
      case 'call':
        return this.onCall(this.components[event.c]!, event.generation);
      case 'call-timeout':
        return this.onCallTimeout(this.components[event.c]!, event.generation, event.cause);
      case 'request':
        return this.onRequest(this.components[event.c]!);
      case 'reboot-call':
        return this.onRebootCall(event.epoch, event.cause, event.reason, event.culprit, event.by);
      case 'reboot-call-timeout':
        if (event.epoch === this.epoch && this.power !== 'shutting-down') {
          this.rebootCallFailed(`Admin.Reboot timed out (${event.reason})`, event.culprit, event.cause, event.by);
        }
        return;
      case 'boot':
        return this.boot(event.cause);
    }
  }

  private emit(draft: Parameters<Recorder['emit']>[0]): TraceRecord {
    return this.recorder.emit(draft);
  }

  private setState(c: ComponentRuntime, to: LifecycleState, cause?: number): void {
    if (c.state === to) return;
    const from = c.state;
    c.state = to;
    this.emit({ type: 'state', component: c.spec.name, from, to, cause });
  }

  private setPower(to: PowerState, cause?: number): void {
    if (this.power === to) return;
    const from = this.power;
    this.power = to;
    this.emit({ type: 'power', from, to, cause });
  }

  private systemIsStopping(): boolean {
    return this.power === 'shutting-down' || this.power === 'rebooting' || this.power === 'panic';
  }

  // ---- faults --------------------------------------------------------------

  private planFaults(): void {
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
    const triggered = this.scenario.faults.some((f) => f.trigger.kind === 'when');
    if (triggered) this.recorder.subscribe((record) => this.fireTriggers(record));
  }

  private scheduleNextStochastic(i: number, fromUs: Micros): void {
    const trigger = this.scenario.faults[i]!.trigger;
    if (trigger.kind !== 'rate' || trigger.perUs <= 0) return;
    const at = Math.max(fromUs, this.nowUs) + exponentialUs(this.faultStreams.get(i)!, 1 / trigger.perUs);
    if (at < trigger.untilUs) this.engine.scheduleAt(at, { k: 'fault', fault: i, source: 'stochastic' });
  }

  private fireTriggers(record: TraceRecord): void {
    this.scenario.faults.forEach((f, i) => {
      const t = f.trigger;
      if (t.kind !== 'when' || this.triggerBudget[i]! <= 0 || t.record !== record.type) return;
      if (t.component !== undefined && t.component !== record.component) return;
      this.triggerBudget[i]!--;
      this.engine.schedule(t.afterUs, { k: 'fault', fault: i, cause: record.seq, source: 'triggered' });
    });
  }

  private onFault(i: number, source: 'scripted' | 'triggered' | 'stochastic', cause?: number): void {
    const spec = this.scenario.faults[i]!;
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

  private applyFault(spec: FaultSpec, cause: number): void {
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
          this.watchHung(c);
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
          this.beginShutdown(reason, undefined, request.seq);
        }
        return;
    }
  }

  // ---- background load: heartbeats and requests ---------------------------

  private planBackgroundLoad(): void {
    for (const c of this.components) if (c.spec.requests) this.scheduleNextRequest(c);
  }

  /**
   * Heartbeats and monitor calls tick on fixed grids from t = 0 (every
   * `period`). A healthy component answers every tick and nothing can come
   * of it, so the model schedules ticks only while a component is hung: the
   * first at the next grid instant at or after the hang. Same outcome, far
   * fewer events.
   */
  private scheduleAtNextTick(periodUs: Micros, event: SimEvent): void {
    const offset = this.nowUs % periodUs;
    this.engine.schedule(offset === 0 ? 0 : periodUs - offset, event);
  }

  private watchHung(c: ComponentRuntime): void {
    const heartbeatUs = this.scenario.system.heartbeatPeriodUs;
    if (heartbeatUs > 0) this.scheduleAtNextTick(heartbeatUs, { k: 'heartbeat', c: c.index, generation: c.generation });
    const callEvery = this.callPeriodOf(c);
    if (callEvery !== undefined) this.scheduleAtNextTick(callEvery, { k: 'call', c: c.index, generation: c.generation });
  }

  private scheduleNextRequest(c: ComponentRuntime): void {
    let stream = this.requestStreams.get(c.index);
    if (!stream) {
      stream = this.streams.stream(`requests:${c.spec.name}`);
      this.requestStreams.set(c.index, stream);
    }
    this.engine.schedule(exponentialUs(stream, 1_000_000 / c.spec.requests!.ratePerS), { k: 'request', c: c.index });
  }

  private onRequest(c: ComponentRuntime): void {
    this.scheduleNextRequest(c);
    if (c.state === 'running') {
      inflightAt(c, this.nowUs);
      c.inflight.push(this.nowUs + c.spec.requests!.serviceTimeUs);
    } else if (c.state === 'hung') {
      c.inflight.push(Infinity);
    }
  }

  /** R3: a monitor's periodic check finds a hung component, kills it and lets its policy decide. */
  private onHeartbeat(c: ComponentRuntime, generation: number): void {
    if (generation !== c.generation || c.state !== 'hung' || this.systemIsStopping()) return;
    const next = (): void => this.engine.schedule(this.scenario.system.heartbeatPeriodUs, { k: 'heartbeat', c: c.index, generation });
    if (!this.monitorIsUp(c)) return next();
    c.missedHeartbeats++;
    if (c.missedHeartbeats < this.policyOf(c).heartbeatMissLimit) return next();
    const detected = this.emit({ type: 'detected', component: c.spec.name, by: this.monitorName(c), how: 'heartbeat', cause: this.hungSince.get(c.index) });
    const killed = this.emit({ type: 'killed', component: c.spec.name, reason: 'missed heartbeat', cause: detected.seq });
    this.terminate(c, { kind: 'missed-heartbeat' }, killed.seq, false, detected.seq);
  }

  private callPeriodOf(c: ComponentRuntime): Micros | undefined {
    return c.spec.monitor === undefined ? undefined : this.byName.get(c.spec.monitor)!.spec.callCheckEveryUs;
  }

  /** R3: the monitor calls each child; a hung child does not answer within the call timeout. */
  private onCall(c: ComponentRuntime, generation: number): void {
    if (generation !== c.generation || c.state !== 'hung' || this.systemIsStopping()) return;
    if (!this.monitorIsUp(c)) return this.engine.schedule(this.callPeriodOf(c)!, { k: 'call', c: c.index, generation });
    const timeoutUs = this.byName.get(c.spec.monitor!)!.spec.callTimeoutUs ?? this.scenario.system.callTimeoutUs;
    this.engine.schedule(timeoutUs, { k: 'call-timeout', c: c.index, generation: c.generation, cause: this.hungSince.get(c.index) ?? 0 });
  }

  private onCallTimeout(c: ComponentRuntime, generation: number, cause: number): void {
    if (generation !== c.generation || c.state !== 'hung' || this.systemIsStopping()) return;
    if (!this.monitorIsUp(c)) return this.engine.schedule(this.callPeriodOf(c)!, { k: 'call', c: c.index, generation });
    const detected = this.emit({ type: 'detected', component: c.spec.name, by: this.monitorName(c), how: 'call-timeout', cause });
    const killed = this.emit({ type: 'killed', component: c.spec.name, reason: 'call timed out', cause: detected.seq });
    this.terminate(c, { kind: 'call-timeout' }, killed.seq, false, detected.seq);
  }

  /** The restart policy in force: the scenario's, unless overridden at run time (R2). */
  private policyOf(c: ComponentRuntime): RecoveryPolicy {
    return c.policyOverride ?? c.spec.policy;
  }

  // ---- starting ------------------------------------------------------------

  private missingDependencies(c: ComponentRuntime): string[] {
    const missing = this.dependsOn[c.index]!.filter((d) => this.components[d]!.state !== 'running').map((d) => this.components[d]!.spec.name);
    for (const name of c.waitFor) if (this.byName.get(name)!.state !== 'running' && !missing.includes(name)) missing.push(name);
    // A monitor starts its own children: they wait for it.
    const monitor = c.spec.monitor;
    if (monitor !== undefined && this.byName.get(monitor)!.state !== 'running' && !missing.includes(monitor)) missing.push(monitor);
    return missing;
  }

  /** R4: a component is not started until its dependencies run; a restart that finds them down is refused and waits. */
  private requestStart(c: ComponentRuntime, cause: number, why: 'boot' | 'restart'): void {
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

  private beginStart(c: ComponentRuntime, cause: number): void {
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

  private onStartDone(c: ComponentRuntime, generation: number): void {
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
    if (c.spec.kind === 'monitor' || c.spec.kind === 'component-manager' || c.spec.kind === 'supervisor') this.handleMissedTerminations(c);
    if (c.spec.kind === 'supervisor') this.deliverPendingEvents(c);
    this.checkBootComplete();
  }

  private releaseWaiters(): void {
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
  private suspend(c: ComponentRuntime, how: 'kill' | 'stop', waitFor: string[], cause: number, reason = 'a dependency stopped'): void {
    c.waitFor = waitFor;
    if (how === 'stop') return this.stopComponent(c, 'dependency', cause);
    c.stopReason = 'dependency';
    const killed = this.emit({ type: 'killed', component: c.spec.name, reason, cause });
    this.terminate(c, { kind: 'signal', signal: 'kill' }, killed.seq, false);
  }

  private checkBootComplete(): void {
    if (this.power !== 'booting') return;
    if (this.components.every((c) => c.state === 'running' || c.state === 'failed' || c.state === 'destroyed')) {
      this.bootCompleted = true;
      const done = this.emit({ type: 'boot-completed', boot: this.bootCount });
      this.setPower('up', done.seq);
    }
  }

  // ---- stopping ------------------------------------------------------------

  private stopComponent(c: ComponentRuntime, reason: StopReason, cause: number): void {
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

  private onStopDone(c: ComponentRuntime, generation: number, cause: number): void {
    if (generation !== c.generation || c.state !== 'stopping') return;
    this.terminate(c, { kind: 'exit', exitCode: 0 }, cause, true);
  }

  /** F8/R5: a stop request not honoured in time ends in a kill. */
  private onStopTimeout(c: ComponentRuntime, generation: number, cause: number): void {
    if (generation !== c.generation || !isAlive(c.state)) return;
    const killed = this.emit({ type: 'killed', component: c.spec.name, reason: 'stop timeout', cause });
    this.terminate(c, { kind: 'stop-timeout' }, killed.seq, false);
  }

  // ---- termination ---------------------------------------------------------

  /**
   * The one place a process ends. A graceful ending flushes its data and
   * drains its requests; any other loses what was unflushed or in flight.
   */
  private terminate(c: ComponentRuntime, termination: Termination, cause: number | undefined, graceful: boolean, detectedSeq?: number): void {
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
      this.flawedRebootDuringShutdown(c, termination, ended.seq, stopReason);
      return this.advanceShutdown();
    }
    if (this.systemIsStopping()) return;
    this.destroyTransientChildren(c, ended.seq);
    if (stopReason === 'destroy') return; // F2: destroyed, not terminated from within
    if (c.pendingEvents.length > 0) this.requestStart(c, ended.seq, 'restart'); // on_receive: start still owes it these events
    if (stopReason === 'policy') return this.afterPolicyStop(c);
    this.stopDependents(c, ended.seq);
    if (stopReason === 'dependency') return this.awaitResume(c, ended.seq);
    if (isFailure(termination)) remember(c.history.failuresUs, this.nowUs, HISTORY_MAX);
    remember(c.history.endsUs, this.nowUs, HISTORY_MAX);
    if (c.spec.mainProcessCritical && isFailure(termination)) {
      // F9: a non-zero exit or a kill of a main-process-critical component brings the system down ungracefully.
      return this.panic('critical-process-failure', c.spec.name, ended.seq);
    }
    this.notifySupervisors(c, termination, failedToStart, ended.seq);
    this.notifyUserMonitors(c, termination, ended.seq);
    this.afterTermination(c, termination, ended.seq, detectedSeq);
  }

  private afterTermination(c: ComponentRuntime, termination: Termination, endedSeq: number, detectedSeq?: number): void {
    const reboot = shouldRebootOnTerminate(c.spec, termination, this.scenario.system.rebootOnTerminate);
    if (reboot.reboot) {
      const decision = this.emit({ type: 'decision', component: c.spec.name, by: COMPONENT_MANAGER, action: 'reboot', reason: reboot.reason, cause: endedSeq });
      this.requestReboot(c.spec.name, 'critical-component-failure', decision.seq, COMPONENT_MANAGER);
    }
    if (c.spec.collection?.durability === 'single-run') {
      // F3: a single-run child is destroyed only once it has terminated, so its reboot above still happens.
      this.setState(c, 'destroyed', endedSeq);
      return;
    }
    if (!reboot.reboot) this.handleByMonitor(c, termination, endedSeq, detectedSeq);
  }

  /**
   * F2, broken on purpose (`check_shutdown_before_reboot: false`): a
   * component manager that does not ask whether the system is shutting down
   * treats a reboot-on-terminate component stopped by the shutdown like any
   * other termination and asks for a reboot.
   */
  private flawedRebootDuringShutdown(c: ComponentRuntime, termination: Termination, endedSeq: number, stopReason: StopReason | undefined): void {
    if (this.scenario.system.checkShutdownBeforeReboot || stopReason === 'destroy') return;
    const reboot = shouldRebootOnTerminate(c.spec, termination, this.scenario.system.rebootOnTerminate);
    if (!reboot.reboot) return;
    const decision = this.emit({ type: 'decision', component: c.spec.name, by: COMPONENT_MANAGER, action: 'reboot', reason: reboot.reason, cause: endedSeq });
    this.requestReboot(c.spec.name, 'critical-component-failure', decision.seq, COMPONENT_MANAGER);
  }

  /** F2: the parent of a transient collection stopping destroys the collection's children. */
  private destroyTransientChildren(parent: ComponentRuntime, cause: number): void {
    for (const child of this.components) {
      if (child.spec.collection?.parent === parent.spec.name && child.spec.collection.durability === 'transient') {
        if (isAlive(child.state)) this.stopComponent(child, 'destroy', cause);
        else if (child.state !== 'destroyed') this.setState(child, 'destroyed', cause);
      }
    }
  }

  /** R4 (with on_dependency_stop: stop-dependents): a component that stops takes down what depends on it. */
  private stopDependents(c: ComponentRuntime, cause: number): void {
    if (this.scenario.system.onDependencyStop !== 'stop-dependents') return;
    for (const d of this.dependents[c.index]!) {
      const dependent = this.components[d]!;
      if (isAlive(dependent.state) && dependent.stopReason === undefined) this.suspend(dependent, 'stop', [], cause);
    }
  }

  /** A component taken down from outside waits for what it needs, then starts again (counted as a restart). */
  private awaitResume(c: ComponentRuntime, cause: number): void {
    c.resumeAsRestart = true;
    c.waitingForDeps = true;
    c.pendingStartCause = cause;
    this.releaseWaiters();
  }

  /** F10: component-scoped Started/Stopped events, routed to the supervisors that watch this component. */
  private notifySupervisors(c: ComponentRuntime, termination: Termination, failedToStart: boolean, cause: number): void {
    for (const s of this.components) {
      if (!s.spec.supervises.includes(c.spec.name)) continue;
      const ok = !isFailure(termination);
      const event: SupervisorEvent = failedToStart
        ? { event: 'started', component: c.spec.name, ok: false, status: 'start failed', cause }
        : { event: 'stopped', component: c.spec.name, ok, status: ok ? 'ok' : describeTermination(termination), cause };
      if (s.state === 'running') this.receiveEvent(s, event);
      else if (s.spec.onReceive === 'start' && s.state !== 'hung') {
        // The component manager starts the supervisor to receive the event, even one its policy gave up on.
        s.pendingEvents.push(event);
        if (s.state === 'failed') this.setState(s, 'stopped', cause);
        this.requestStart(s, cause, 'restart');
      } else if (s.state === 'hung') {
        this.emit({ type: 'event-dropped', component: c.spec.name, event: event.event, reason: `${s.spec.name} is hung and does not process it`, cause });
      } else {
        this.emit({ type: 'event-dropped', component: c.spec.name, event: event.event, reason: `${s.spec.name} is ${s.state} and receives with dispatch_if_started`, cause });
      }
    }
  }

  private deliverPendingEvents(s: ComponentRuntime): void {
    const events = s.pendingEvents.splice(0);
    for (const e of events) this.receiveEvent(s, e);
  }

  /** The RFC's supervisor: reboot on Started-with-error or a Stopped with a non-ok status; a clean exit is fine. */
  private receiveEvent(s: ComponentRuntime, e: SupervisorEvent): void {
    const detected = this.emit({ type: 'detected', component: e.component, by: s.spec.name, how: 'event', cause: e.cause });
    if (e.ok) {
      this.emit({ type: 'decision', component: e.component, by: s.spec.name, action: 'none', reason: `${e.event} with status ok`, cause: detected.seq });
      return;
    }
    const decision = this.emit({ type: 'decision', component: e.component, by: s.spec.name, action: 'reboot', reason: `${e.event} with ${e.status}`, cause: detected.seq });
    this.requestReboot(e.component, 'critical-component-failure', decision.seq, s.spec.name);
  }

  /** R8: a core daemon failed; each user monitor follows its strategy. */
  private notifyUserMonitors(failed: ComponentRuntime, termination: Termination, cause: number): void {
    if (!isFailure(termination)) return;
    for (const u of this.components) {
      if (!u.spec.onCoreFailure || u.state !== 'running' || u === failed || failed.spec.monitor === u.spec.name) continue;
      const aliveChildren = this.components.filter((c) => c.spec.monitor === u.spec.name && isAlive(c.state)).map((c) => c.spec.name);
      const plan = planCoreFailure({ strategy: u.spec.onCoreFailure, userMonitor: u.spec.name, failed: failed.spec.name, aliveChildren, nodes: this.scenario.components });
      if (!plan) continue;
      const decision = this.emit({ type: 'decision', component: failed.spec.name, by: u.spec.name, action: u.spec.onCoreFailure, reason: plan.summary, cause });
      // The monitor goes first, so that its services wait for it rather than start again under the old instance.
      const why = `${u.spec.name}: ${u.spec.onCoreFailure} after ${failed.spec.name} failed`;
      if (plan.restartMonitor) this.suspend(u, 'kill', [failed.spec.name], decision.seq, why);
      for (const name of plan.stopGracefully) this.suspend(this.byName.get(name)!, 'stop', [failed.spec.name], decision.seq, why);
      for (const name of plan.kill) this.suspend(this.byName.get(name)!, 'kill', [plan.restartMonitor ? u.spec.name : failed.spec.name], decision.seq, why);
    }
  }

  private monitorName(c: ComponentRuntime): string {
    return c.spec.monitor ?? ROOT_MONITOR;
  }

  private monitorIsUp(c: ComponentRuntime): boolean {
    return c.spec.monitor === undefined || this.byName.get(c.spec.monitor)!.state === 'running';
  }

  private handleByMonitor(c: ComponentRuntime, termination: Termination, endedSeq: number, detectedSeq?: number): void {
    if (!this.monitorIsUp(c)) {
      c.unhandledTermination = { seq: endedSeq, termination };
      return;
    }
    const by = this.monitorName(c);
    const detected = detectedSeq ?? this.emit({ type: 'detected', component: c.spec.name, by, how: 'exit', cause: endedSeq }).seq;
    const lastStartUs = c.history.startsUs.at(-1);
    const stormGuardUs = c.spec.monitor === undefined ? undefined : this.byName.get(c.spec.monitor)!.spec.stormGuardUs;
    if (stormGuardUs !== undefined && c.restarts > 0 && lastStartUs !== undefined && this.nowUs - lastStartUs < stormGuardUs) {
      // R6: failing again within a few seconds of its last start marks the service unresponsive.
      const giveUp = this.emit({ type: 'decision', component: c.spec.name, by, action: 'give-up', reason: `unresponsive: failed again ${((this.nowUs - lastStartUs) / 1e6).toFixed(3)}s after its restart (storm guard ${stormGuardUs / 1e6}s)`, cause: detected });
      this.setState(c, 'failed', giveUp.seq);
      return;
    }
    const decision = decideRecovery(this.policyOf(c), {
      component: c.spec.name,
      nowUs: this.nowUs,
      termination,
      history: c.history,
      ranForUs: lastStartUs !== undefined && c.startedAtUs >= lastStartUs ? this.nowUs - c.startedAtUs : 0,
      bootCompleted: this.bootCompleted,
      monitor: by,
      siblings: this.components.filter((s) => this.monitorName(s) === by).map((s) => ({ name: s.spec.name, state: s.state })),
      components: this.components.map((s) => ({ name: s.spec.name, state: s.state, monitor: this.monitorName(s), depends: s.spec.depends, policy: this.policyOf(s), history: s.history })),
      random: this.streams.stream(`policy:${c.spec.name}`),
    });
    const record = this.emit({
      type: 'decision',
      component: c.spec.name,
      by,
      action: decision.action,
      ...(decision.delayUs !== undefined ? { delayUs: decision.delayUs } : {}),
      reason: decision.reason,
      cause: detected,
    });
    this.applyEffects(by, c.spec.name, decision, record.seq);
  }

  /** Carries out what a recovery decision asks, in the order given. */
  private applyEffects(monitor: string, culprit: string, decision: RecoveryDecision, cause: number): void {
    for (const effect of decision.effects) this.applyEffect(monitor, culprit, effect, cause);
  }

  private applyEffect(monitor: string, culprit: string, effect: Effect, cause: number): void {
    switch (effect.kind) {
      case 'restart': {
        const c = this.byName.get(effect.component)!;
        this.engine.schedule(effect.delayUs, { k: 'restart', c: c.index, epoch: this.epoch, cause });
        return;
      }
      case 'stop': {
        const c = this.byName.get(effect.component)!;
        if (isAlive(c.state)) this.stopComponent(c, 'policy', cause);
        return;
      }
      case 'give-up': {
        const c = this.byName.get(effect.component)!;
        if (!isAlive(c.state)) this.setState(c, 'failed', cause);
        return;
      }
      case 'reboot':
        return this.rebootByPolicy(monitor, culprit, effect.mode, effect.reason, cause);
      case 'escalate':
        return this.escalate(monitor, culprit, effect.reason, cause);
    }
  }

  /** A policy's reboot action (systemd FailureAction, Android init, MINIX): straight to the power manager. */
  private rebootByPolicy(monitor: string, culprit: string, mode: 'graceful' | 'force' | 'immediate', reason: string, cause: number): void {
    if (this.systemIsStopping() || this.rebootInFlight) return;
    if (mode === 'immediate') return this.panic(reason, culprit, cause);
    this.rebootInFlight = true;
    const request = this.emit({ type: 'reboot-requested', component: culprit, by: monitor, mode: mode === 'graceful' ? 'graceful' : 'ungraceful', reason, cause });
    if (mode === 'graceful') this.beginShutdown(reason, culprit, request.seq);
    else this.reset(`${reason} (reboot-force: processes killed, filesystems flushed)`, culprit, request.seq, true);
  }

  /** OTP escalation: the monitor stops its children (reverse start order), then ends itself; its own monitor decides. */
  private escalate(monitorName: string, culprit: string, reason: string, cause: number): void {
    const monitor = this.byName.get(monitorName);
    if (!monitor) return this.rebootByPolicy(monitorName, culprit, 'graceful', `escalated to init: ${reason}`, cause);
    monitor.escalation = cause;
    const children = this.components.filter((c) => c.spec.monitor === monitorName && isAlive(c.state)).reverse();
    for (const child of children) this.stopComponent(child, 'policy', cause);
    this.finishEscalation(monitor);
  }

  private finishEscalation(monitor: ComponentRuntime): void {
    if (monitor.escalation === undefined) return;
    if (this.components.some((c) => c.spec.monitor === monitor.spec.name && isAlive(c.state))) return;
    const cause = monitor.escalation;
    monitor.escalation = undefined;
    this.terminate(monitor, { kind: 'exit', exitCode: 1 }, cause, false);
  }

  /** A component stopped by a policy (group strategy, escalation) has not failed: restart it if asked, and let an escalating monitor finish. */
  private afterPolicyStop(c: ComponentRuntime): void {
    const batch = c.restartWhenStopped;
    if (batch !== undefined) {
      // As OTP does: once every child stopped by the same decision is down, restart them in start order.
      const group = this.components.filter((x) => x.restartWhenStopped === batch);
      if (group.every((x) => !isAlive(x.state))) {
        for (const x of group) {
          x.restartWhenStopped = undefined;
          this.engine.schedule(0, { k: 'restart', c: x.index, epoch: this.epoch, cause: batch });
        }
      }
    }
    if (c.spec.monitor !== undefined) this.finishEscalation(this.byName.get(c.spec.monitor)!);
  }

  /** A monitor that comes back handles what ended while it was away. */
  private handleMissedTerminations(monitor: ComponentRuntime): void {
    for (const c of this.components) {
      const missed = c.unhandledTermination;
      if (c.spec.monitor !== monitor.spec.name || !missed || c.state !== 'stopped') continue;
      c.unhandledTermination = undefined;
      this.handleByMonitor(c, missed.termination, missed.seq);
    }
  }

  private onRestart(c: ComponentRuntime, epoch: number, cause: number): void {
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

  /** F6/F7: one reboot task at most; the request reaches the power manager through the shutdown shim. */
  private requestReboot(culprit: string, reason: string, cause: number, by: string): void {
    const checks = by !== COMPONENT_MANAGER || this.scenario.system.checkShutdownBeforeReboot;
    if (checks && (this.systemIsStopping() || this.rebootInFlight)) {
      this.emit({ type: 'decision', component: culprit, by, action: 'none', reason: 'a reboot is already under way', cause });
      return;
    }
    this.rebootInFlight = true;
    const request = this.emit({ type: 'reboot-requested', component: culprit, by, mode: 'graceful', reason, cause });
    this.engine.schedule(this.scenario.system.shimDelayUs, { k: 'reboot-call', epoch: this.epoch, cause: request.seq, culprit, reason, by });
  }

  private onRebootCall(epoch: number, cause: number, reason: string, culprit: string | undefined, by: string): void {
    if (epoch !== this.epoch) return;
    const pm = this.powerManager;
    if (!pm) return this.rebootCallFailed('Admin.Reboot failed: the protocol is missing (no power manager)', culprit, cause, by);
    if (this.rebootCallFailures > 0) {
      this.rebootCallFailures--;
      return this.rebootCallFailed('Admin.Reboot returned an error', culprit, cause, by);
    }
    if (pm.state === 'hung') {
      this.engine.schedule(this.scenario.system.rebootCallTimeoutUs, { k: 'reboot-call-timeout', epoch, cause, culprit, reason, by });
      return;
    }
    if (pm.state !== 'running') return this.rebootCallFailed(`Admin.Reboot failed: the power manager is ${pm.state}`, culprit, cause, by);
    if (this.power === 'shutting-down') return; // already on its way down
    this.beginShutdown(reason, culprit, cause);
  }

  /**
   * F7: the component manager falls back to a panic. A supervisor (F10) is an
   * ordinary component and has no such fallback: the reboot just does not happen.
   */
  private rebootCallFailed(why: string, culprit: string | undefined, cause: number, by: string): void {
    if (by === COMPONENT_MANAGER) return this.panic(why, culprit, cause);
    this.rebootInFlight = false;
    this.emit({ type: 'decision', component: culprit ?? by, by, action: 'none', reason: `${why}; a supervisor cannot fall back to a panic`, cause });
  }

  /** F8/R5: an orderly shutdown in reverse dependency order, independent components concurrently. */
  private beginShutdown(reason: string, culprit: string | undefined, cause: number): void {
    this.setPower('shutting-down', cause);
    const started = this.emit({ type: 'shutdown-started', mode: 'graceful', reason, culprit, cause });
    this.shutdownCause = started.seq;
    for (const c of this.components) {
      c.waitingForDeps = false;
      c.pendingEvents.length = 0;
    }
    this.advanceShutdown();
  }

  private advanceShutdown(): void {
    if (this.power !== 'shutting-down') return;
    const alive = this.components.filter((c) => isAlive(c.state));
    // The power manager drives the shutdown, so it is the last to be asked to stop.
    const othersAlive = alive.some((c) => c !== this.powerManager);
    for (const c of alive) {
      if (c === this.powerManager && othersAlive) continue;
      const ordered = this.scenario.system.shutdownOrder === 'dependency';
      // A monitor outlives the components it supervises, as a provider outlives its dependents.
      const dependentsDown = this.dependents[c.index]!.every((d) => !isAlive(this.components[d]!.state)) &&
        !alive.some((child) => child.spec.monitor === c.spec.name);
      if (dependentsDown || !ordered) this.stopComponent(c, 'shutdown', this.shutdownCause);
    }
    if (alive.length === 0) {
      const done = this.emit({ type: 'shutdown-completed', cause: this.shutdownCause });
      this.setPower('rebooting', done.seq);
      this.epoch++;
      this.engine.schedule(this.scenario.system.resetDelayUs, { k: 'boot', cause: done.seq });
    }
  }

  /** An ungraceful reboot: everything stops at once and whatever was unflushed or in flight is lost. */
  private panic(reason: string, culprit: string | undefined, cause: number): void {
    this.reset(reason, culprit, cause, false);
  }

  /**
   * Resets the system at once. With `flushFilesystems` (systemd's
   * reboot-force) processes are killed but their data reaches the disk first.
   */
  private reset(reason: string, culprit: string | undefined, cause: number, flushFilesystems: boolean): void {
    if (this.power === 'panic') return;
    this.setPower('panic', cause);
    const panic = this.emit({ type: 'panic', reason, culprit, cause });
    this.epoch++;
    for (const c of this.components) {
      if (!isAlive(c.state)) continue;
      const unflushed = flushFilesystems ? unflushedBytes(c, this.nowUs) : 0;
      if (unflushed > 0) {
        this.emit({ type: 'data-flushed', component: c.spec.name, bytes: unflushed, cause: panic.seq });
        c.startedAtUs = this.nowUs; // nothing left unflushed
      }
      this.terminate(c, { kind: 'system-reset' }, panic.seq, false);
    }
    this.engine.schedule(this.scenario.system.resetDelayUs, { k: 'boot', cause: panic.seq });
  }

  private boot(cause: number): void {
    this.epoch++;
    this.bootCount++;
    this.rebootInFlight = false;
    this.bootCompleted = false;
    this.setPower('booting', cause);
    const boot = this.emit({ type: 'boot-started', boot: this.bootCount, cause });
    for (const c of this.components) {
      c.restarts = 0;
      c.history = { startsUs: [], failuresUs: [], restartsUs: [], endsUs: [] };
      c.restartWhenStopped = undefined;
      c.escalation = undefined;
      c.failNextStarts = 0;
      c.ignoresStop = false;
      c.unhandledTermination = undefined;
      c.waitingForDeps = false;
      c.waitFor = [];
      c.resumeAsRestart = false;
      c.policyOverride = undefined;
      c.pendingEvents.length = 0;
      if (c.state === 'failed' || c.state === 'destroyed') this.setState(c, 'stopped', boot.seq);
    }
    for (const c of this.components) this.requestStart(c, boot.seq, 'boot');
    this.checkBootComplete();
  }
}

