import { decideRecovery } from '../../policy/decide.js';
import { decideStart } from '../../policy/start-limit.js';
import { isFailure } from '../../policy/termination.js';
import type { Effect, FailureContext, PolicyHistory, RecoveryPolicy, SystemView } from '../../policy/types.js';
import type { LifecycleState, Termination } from '../../trace/records.js';
import { ROOT_MONITOR } from '../actors.js';
import { concatBatches } from '../batch.js';
import { startsInTurn } from '../start-in-turn.js';
import { failsWithStartOf } from '../start-failure.js';
import { ref, type Cause, type Command } from '../commands.js';
import { shouldRebootOnTerminate } from '../critical.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type StateView, type Reactor, type ReactorContext, type TimerReactor } from '../reactor.js';
import { isAlive, systemIsStopping } from '../state.js';
import { restartPropagation } from './bindings.js';

/**
 * Monitors: who supervises a component, how a termination is detected and
 * decided (`decideRecovery`, pure), and how the decision's effects become
 * commands; OTP escalation and group restarts included.
 */
function monitorName(ctx: ReactorContext, c: number): string {
  const m = ctx.topo.monitorOf[c];
  return m === undefined ? ROOT_MONITOR : ctx.topo.specs[m]!.name;
}

function monitorIsUp(s: StateView, ctx: ReactorContext, c: number): boolean {
  const m = ctx.topo.monitorOf[c];
  return m === undefined || s.components[m]!.life.state === 'running';
}

/** The restart policy in force: the scenario's, unless overridden at run time (R2). */
function policyOf(s: StateView, ctx: ReactorContext, c: number): RecoveryPolicy {
  return s.components[c]!.policyOverride ?? ctx.topo.specs[c]!.policy;
}

interface Ended {
  c: number;
  termination: Termination;
  seq: number;
  ranForUs: number;
  detectedSeq?: number;
}

/**
 * What a monitor's decision reads (FailureContext), one object per termination. A class rather
 * than an object literal: a literal with a getter (`siblings`) defines that accessor on every
 * object it makes, which cost more than the rest of the decision in a restart storm; here the
 * getter lives once, on the prototype.
 */
class MonitorFailureContext implements FailureContext {
  readonly nowUs: number;
  readonly termination: Termination;
  readonly history: PolicyHistory;
  readonly ranForUs: number;
  readonly bootCompleted: boolean;
  readonly system: SystemView;
  readonly random: () => number;

  constructor(
    private readonly s: StateView,
    private readonly ctx: ReactorContext,
    ended: Ended,
    state: StateView['components'][number],
    readonly component: string,
    readonly monitor: string,
    private readonly m: number | undefined,
  ) {
    this.nowUs = ctx.nowUs;
    this.termination = ended.termination;
    const h = state.history;
    // Field by field, not spread: the same object, built without a generic copy.
    this.history = { startsUs: h.startsUs, failuresUs: h.failuresUs, restartsUs: h.restartsUs, endsUs: h.endsUs, restarts: state.restarts };
    this.ranForUs = ended.ranForUs;
    this.bootCompleted = s.bootCompleted;
    this.system = ctx.system;
    this.random = ctx.policyStream(ended.c);
  }

  /** Read only by group strategies and intensity: listed when asked, not for every decision. */
  get siblings(): { name: string; state: LifecycleState }[] {
    const topo = this.ctx.topo;
    const siblings = this.m === undefined ? topo.rootChildren : topo.childrenOf[this.m]!;
    return siblings.map((i) => ({ name: topo.specs[i]!.name, state: this.s.components[i]!.life.state }));
  }
}

/** The monitor detects the termination, decides, and acts. */
function handleByMonitor(s: StateView, ctx: ReactorContext, ended: Ended): Command[] {
  const { c, termination } = ended;
  if (!monitorIsUp(s, ctx, c)) return [{ do: 'defer-termination', c, seq: ended.seq, termination, ranForUs: ended.ranForUs }];
  const topo = ctx.topo;
  const name = topo.specs[c]!.name;
  const by = monitorName(ctx, c);
  const out: Command[] = [];
  let detected: Cause = ended.detectedSeq;
  if (detected === undefined) {
    out.push({ do: 'emit', draft: { type: 'detected', component: name, by, how: 'exit' }, cause: ended.seq });
    detected = ref(0);
  }
  const component = s.components[c]!;
  const starts = component.history.startsUs;
  // Indexed, not `.at(-1)`: a builtin call per termination.
  const lastStartUs = starts.length === 0 ? undefined : starts[starts.length - 1];
  const m = topo.monitorOf[c];
  const stormGuardUs = m === undefined ? undefined : topo.specs[m]!.stormGuardUs;
  if (stormGuardUs !== undefined && isFailure(termination) && component.restarts > 0 && lastStartUs !== undefined && ctx.nowUs - lastStartUs < stormGuardUs) {
    // R6: failing again within a few seconds of its last start marks the service unresponsive; a clean exit (R1) never does.
    const reason = `unresponsive: failed again ${((ctx.nowUs - lastStartUs) / 1e6).toFixed(3)}s after its restart (storm guard ${stormGuardUs / 1e6}s)`;
    out.push({ do: 'emit', draft: { type: 'decision', component: name, by, action: 'give-up', reason }, cause: detected });
    out.push({ do: 'set-failed', c, cause: ref(out.length - 1) });
    return out;
  }
  const decision = decideRecovery(policyOf(s, ctx, c), new MonitorFailureContext(s, ctx, ended, component, name, by, m));
  out.push({
    do: 'emit',
    // Written out in both shapes rather than spread from a conditional object: one decision per termination.
    draft: decision.delayUs !== undefined
      ? { type: 'decision', component: name, by, action: decision.action, delayUs: decision.delayUs, reason: decision.reason }
      : { type: 'decision', component: name, by, action: decision.action, reason: decision.reason },
    cause: detected,
  });
  const decisionRef = ref(out.length - 1);
  for (const effect of decision.effects) out.push(...effectCommands(s, ctx, by, name, effect, decisionRef, out.length));
  return inStartOrder(ctx, out);
}

/**
 * R4: restarts that come due together start dependencies first (the policy
 * lists them in declaration order). Only the restart commands move, among
 * their own slots; nothing refers to them, so references stay valid.
 */
function inStartOrder(ctx: ReactorContext, commands: Command[]): Command[] {
  // Counted first: most decisions schedule one restart, and then no list of slots is made.
  let restarts = 0;
  for (let i = 0; i < commands.length; i++) if (commands[i]!.do === 'schedule-restart') restarts++;
  if (restarts < 2) return commands;
  const slots: number[] = [];
  commands.forEach((cmd, i) => cmd.do === 'schedule-restart' && slots.push(i));
  const rank = ctx.topo.startRank;
  const key = (cmd: Command): [number, number] => (cmd.do === 'schedule-restart' ? [cmd.delayUs, rank[cmd.c]!] : [0, 0]);
  const sorted = slots.map((i) => commands[i]!).sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  const out = [...commands];
  slots.forEach((slot, k) => (out[slot] = sorted[k]!));
  return out;
}

/** A component's position by name (a module function: a closure for it was made per effect, and every decision has one). */
function positionOf(ctx: ReactorContext, name: string): number {
  return ctx.topo.index.get(name)!;
}

/** No start job under way: what a decision's effects begin with (one set shared by every decision, never added to: a chain copies it). */
const NONE_STARTING: ReadonlySet<number> = new Set();

/**
 * What one effect of a recovery decision asks of the model. `base` is where
 * the commands returned start in their batch (references are batch-wide);
 * `starting` guards a chain of OnFailure= starts against a cycle.
 */
function effectCommands(s: StateView, ctx: ReactorContext, monitor: string, culprit: string, effect: Effect, cause: Cause, base: number, starting: ReadonlySet<number> = NONE_STARTING): Command[] {
  switch (effect.kind) {
    case 'restart':
      return [{ do: 'schedule-restart', c: positionOf(ctx, effect.component), delayUs: effect.delayUs, cause }];
    case 'start': {
      const c = positionOf(ctx, effect.component);
      if (starting.has(c)) return [];
      const decision: Command = { do: 'emit', draft: { type: 'decision', component: effect.component, by: monitor, action: 'start', reason: effect.reason }, cause };
      return [decision, ...startJob(s, ctx, c, ref(base), base + 1, new Set([...starting, c]))];
    }
    case 'stop':
      return [{ do: 'stop', c: positionOf(ctx, effect.component), reason: 'policy', cause }];
    case 'stop-then-restart':
      return [
        ...effect.restart.map((name): Command => ({ do: 'join-restart-batch', c: positionOf(ctx, name), cause })),
        ...effect.stop.filter((name) => !effect.restart.includes(name)).map((name): Command => ({ do: 'join-restart-batch', c: positionOf(ctx, name), cause })),
        { do: 'stop-group', members: inTurn(effect.stop.map((name) => positionOf(ctx, name))), reason: 'policy', cause },
      ];
    case 'give-up':
      return [{ do: 'set-failed', c: positionOf(ctx, effect.component), cause }];
    case 'reboot':
      return [{ do: 'policy-reboot', monitor, culprit, mode: effect.mode, reason: effect.reason, cause, ...(effect.target !== undefined ? { target: effect.target } : {}) }];
    case 'escalate':
      return escalate(s, ctx, monitor, culprit, effect.reason, cause);
  }
}

/**
 * OTP `terminate_children` (supervisor.erl): one child at a time, in the order given (reverse
 * start order); `shutdown/2` waits for each child's 'DOWN' (or kills it after its shutdown time)
 * before it asks the next. As a group stop: each member's turn is the end of the one before.
 */
function inTurn(members: readonly number[]): { c: number; waitingFor: number; after?: number }[] {
  return members.map((c, i) => (i === 0 ? { c, waitingFor: 0 } : { c, waitingFor: 1, after: members[i - 1]! }));
}

/**
 * OTP escalation: the monitor stops its children one at a time in reverse start order (its
 * terminate/2 calls terminate_children), then ends itself with reason shutdown; its own monitor decides.
 */
function escalate(s: StateView, ctx: ReactorContext, monitorName: string, culprit: string, reason: string, cause: Cause): Command[] {
  const m = ctx.topo.index.get(monitorName);
  if (m === undefined) return [{ do: 'policy-reboot', monitor: monitorName, culprit, mode: 'graceful', reason: `escalated to init: ${reason}`, cause }];
  const children = ctx.topo.childrenOf[m]!.filter((child) => isAlive(s.components[child]!.life.state)).reverse();
  return [
    { do: 'mark-escalation', c: m, cause },
    ...(children.length > 0 ? [{ do: 'stop-group', members: inTurn(children), reason: 'policy', cause } as Command] : []),
    { do: 'finish-escalation', c: m },
  ];
}

/** A component that ended on its own: its monitor decides, unless the component manager reboots for it or it was a single-run child. */
export const decideAfterTermination: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  if (fact.route !== 'own' || systemIsStopping(s)) return NO_COMMANDS;
  const spec = ctx.topo.specs[fact.c]!;
  if (spec.onTerminate === 'reboot' && shouldRebootOnTerminate(spec, fact.termination, ctx.topo.scenario.system.rebootOnTerminate).reboot) return NO_COMMANDS;
  if (spec.collection?.durability === 'single-run') return NO_COMMANDS;
  return handleByMonitor(s, ctx, fact);
};

/** A component stopped by a policy (group strategy, escalation) has not failed: restart its group once all of it is down, and let an escalating monitor finish. */
export const afterPolicyStop: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  if (fact.route !== 'policy') return NO_COMMANDS;
  const out: Command[] = [];
  const batch = s.components[fact.c]!.restartBatch;
  if (batch !== undefined) {
    // As OTP does: once every child stopped by the same decision is down, restart them in start order (R4: dependencies first).
    const group = s.components.flatMap((x, i) => (x.restartBatch === batch ? [i] : [])).sort((a, b) => ctx.topo.startRank[a]! - ctx.topo.startRank[b]!);
    if (group.every((i) => !isAlive(s.components[i]!.life.state))) {
      // A restart that a binding or an operator asked for propagated when it was asked for (sim/model/reactors/bindings.ts).
      const quiet = fact.stopReason === 'binding' || fact.stopReason === 'operator';
      // OTP start_children: each child's start returns before the next one's begins (startInTurn).
      let previous: number | undefined;
      for (const i of group) {
        out.push({ do: 'mark-restart-batch', c: i, batch: undefined });
        // OTP terminate_children drops temporary children: stopped with the group, never restarted.
        // A systemd restart job is another thing: job_finish_and_invalidate() (src/core/job.c) turns a
        // finished restart job into a start job ("Patch restart jobs so that they become normal start
        // jobs"), and Restart= is read only in service_enter_dead(), for a unit that died: a
        // `systemctl restart` or a propagated try-restart starts a Restart=no unit again.
        const state = s.components[i]!.life.state;
        if (dropsTemporaryChild(policyOf(s, ctx, i), quiet) || state === 'failed' || state === 'destroyed') continue;
        const waitFor = previous !== undefined && startsInTurn(ctx.topo, i) ? { waitFor: [ctx.topo.specs[previous]!.name] } : {};
        out.push({ do: 'schedule-restart', c: i, delayUs: 0, cause: batch, ...(quiet ? { quiet } : {}), ...waitFor });
        previous = i;
      }
    }
  }
  const m = ctx.topo.monitorOf[fact.c];
  if (m !== undefined) out.push({ do: 'finish-escalation', c: m });
  return out;
};

/**
 * A group restart leaves out a child whose policy never restarts it (OTP: a
 * temporary child), unless the restart is a systemd restart job (an
 * operator's, or a try-restart a binding propagated): that job starts the unit
 * whatever its Restart= says. A method-free decision, so a tooth can break it.
 */
export function dropsTemporaryChild(policy: RecoveryPolicy, restartJob: boolean): boolean {
  return !restartJob && policy.when === 'never';
}

/** A monitor that runs again handles what ended while it was away. */
export const handleMissedTerminations: Reactor<FactOf<'started'>> = (s, fact, ctx) => {
  if (!ctx.topo.isMonitor[fact.c]) return NO_COMMANDS;
  const batches: Command[][] = [];
  for (const child of ctx.topo.childrenOf[fact.c]!) {
    const missed = s.components[child]!.unhandledTermination;
    if (!missed || s.components[child]!.life.state !== 'stopped') continue;
    batches.push([{ do: 'take-deferred-termination', c: child }]);
    batches.push(handleByMonitor(s, ctx, { c: child, termination: missed.termination, seq: missed.seq, ranForUs: missed.ranForUs }));
  }
  return concatBatches(batches);
};

/**
 * systemd tests the start limit when a start job runs (sim/policy/start-limit.ts):
 * a refused start is a decision (give-up, StartLimitAction=, OnFailure=); with
 * `counted` the refused start is a restart job, counted first. Undefined when
 * the start may run, or the component is not waiting to start.
 */
function refusedStart(s: StateView, ctx: ReactorContext, c: number, cause: Cause, counted: boolean, base: number, starting: ReadonlySet<number> | undefined): Command[] | undefined {
  const component = s.components[c]!;
  const life = component.life;
  if (!((life.state === 'stopped' && life.pending === undefined) || life.state === 'failed')) return undefined;
  const name = ctx.topo.specs[c]!.name;
  const decision = decideStart(policyOf(s, ctx, c), name, component.history.startsUs, ctx.nowUs);
  if (decision === undefined) return undefined;
  const by = monitorName(ctx, c);
  const out: Command[] = counted ? [{ do: 'count-restart', c, cause }] : [];
  out.push({ do: 'emit', draft: { type: 'decision', component: name, by, action: decision.action, reason: decision.reason }, cause: counted ? ref(base) : cause });
  const decided = ref(base + out.length - 1);
  for (const effect of decision.effects) out.push(...effectCommands(s, ctx, by, name, effect, decided, base + out.length, starting ?? new Set([c])));
  return out;
}

/**
 * A start job (systemctl start, OnFailure=): what it pulls in is started first
 * (so that what is ordered after it waits), the start limit is tested, then the unit starts.
 * A unit it pulls in whose start job fails at once (its start limit hit) and
 * that it Requires=/BindsTo= and is ordered after fails this job too
 * (job_fail_dependencies(), sim/model/start-failure.ts): refused, naming it.
 */
export function startJob(s: StateView, ctx: ReactorContext, c: number, cause: Cause, base: number, starting: ReadonlySet<number> = new Set([c])): Command[] {
  const failedPulls: number[] = [];
  const pulls = pullInJobs(s, ctx, c, cause, base, starting, failedPulls);
  const failed = failedPulls.find((p) => failsWithStartOf(ctx.topo, c, p));
  if (failed !== undefined) {
    const refusal: Command = { do: 'emit', draft: { type: 'start-refused', component: ctx.topo.specs[c]!.name, missing: [ctx.topo.specs[failed]!.name], dropped: true }, cause };
    return [...pulls, refusal];
  }
  // A start job that runs is not an automatic restart: it flushes the restart counter (service_start()).
  return [...pulls, ...(refusedStart(s, ctx, c, cause, false, base + pulls.length, starting) ?? [{ do: 'flush-restarts', c }, { do: 'start', c, cause }])];
}

/** Which of c's declarations pulls `p` in, for the trace. */
function pullRelation(ctx: ReactorContext, c: number, p: number): string {
  const spec = ctx.topo.specs[c]!;
  const name = ctx.topo.specs[p]!.name;
  return spec.requires?.includes(name) ? 'Requires' : spec.policy.bindsTo?.includes(name) ? 'BindsTo' : 'Wants';
}

/**
 * systemd transaction_add_job_and_dependencies() (src/core/transaction.c): a
 * start or restart job of `c` adds a start job for each unit it pulls in
 * (UNIT_ATOM_PULL_IN_START: Requires=, BindsTo=; PULL_IN_START_IGNORED: Wants=),
 * recursively; a unit already active or being started needs none. Each is a
 * decision record naming the relation, then that unit's own start job.
 */
export function pullInJobs(s: StateView, ctx: ReactorContext, c: number, cause: Cause, base: number, starting: ReadonlySet<number> | undefined, failed?: number[]): Command[] {
  const pulled = ctx.topo.pullsIn[c]!;
  if (pulled.length === 0) return [];
  const out: Command[] = [];
  // Undefined: no start job under way but `c`'s own.
  const seen = new Set(starting ?? [c]);
  for (const p of pulled) {
    const life = s.components[p]!.life;
    if (seen.has(p) || isAlive(life.state) || life.state === 'destroyed' || (life.state === 'stopped' && life.pending !== undefined)) continue;
    seen.add(p);
    const relation = pullRelation(ctx, c, p);
    const from = ctx.topo.specs[c]!.name;
    const reason = `${relation}=${ctx.topo.specs[p]!.name} of ${from}: a start of ${from} starts it too (transaction_add_job_and_dependencies())`;
    out.push({ do: 'emit', draft: { type: 'decision', component: ctx.topo.specs[p]!.name, by: monitorName(ctx, p), action: 'start', reason }, cause });
    const job = startJob(s, ctx, p, ref(base + out.length - 1), base + out.length, seen);
    // Its start job failed at once (start limit, or a unit it pulled in failed): no start of it follows.
    if (failed !== undefined && !job.some((cmd) => cmd.do === 'start' && cmd.c === p)) failed.push(p);
    out.push(...job);
  }
  return out;
}

/**
 * A restart timer: stale after a reboot, and nothing restarts while the system
 * goes down. A restart cancelled by a stop job (BindsTo=/PartOf=) does not
 * happen; a restart refused by the start limit fails the unit; a restart that
 * runs try-restarts the units bound to it or part of it.
 */
export const onRestartTimer: TimerReactor<'restart'> = (s, e, ctx) => {
  if (e.epoch !== s.epoch || systemIsStopping(s)) return NO_COMMANDS;
  const component = s.components[e.c]!;
  const life = component.life;
  const restart: Command = e.waitFor ? { do: 'restart', c: e.c, cause: e.cause, waitFor: e.waitFor } : { do: 'restart', c: e.c, cause: e.cause };
  if (life.state !== 'stopped' || life.pending !== undefined) return [restart];
  if (component.autoRestart === 'cancelled') {
    const reason = 'a stop job is pending: automatic restart skipped (systemd service_enter_restart())';
    return [
      { do: 'emit', draft: { type: 'decision', component: ctx.topo.specs[e.c]!.name, by: monitorName(ctx, e.c), action: 'none', reason }, cause: e.cause },
      { do: 'cancel-auto-restart', c: e.c, forget: true },
    ];
  }
  // No start job under way but this one's (undefined: the set of it is made only where it is read, a decision's effects or a unit pulled in).
  const refused = refusedStart(s, ctx, e.c, e.cause, true, 0, undefined);
  if (refused) return refused;
  // A restart job pulls in what a start job does (JOB_RESTART in transaction_add_job_and_dependencies()).
  const out = pullInJobs(s, ctx, e.c, e.cause, 0, undefined);
  const at = out.length;
  out.push(restart);
  // A restart job (quiet: systemctl restart, a propagated try-restart) is no automatic restart: once it
  // has started the unit, the restart counter is flushed (service_start(): `if (s->state !=
  // SERVICE_AUTO_RESTART_QUEUED) s->n_restarts = 0`), so the next automatic restart counts from 1.
  if (e.quiet) out.push({ do: 'flush-restarts', c: e.c });
  else for (const cmd of restartPropagation(s, ctx, e.c, ref(at), at + 1, true)) out.push(cmd);
  return out;
};
