import { describe, expect, test } from 'vitest';
import { ref, type Command } from '../../sim/model/commands.js';
import type { FactOf } from '../../sim/model/facts.js';
import type { Reactor, TimerReactor } from '../../sim/model/reactor.js';
import { REACTIONS, TIMERS } from '../../sim/model/reactions.js';
import { propagateBindings } from '../../sim/model/reactors/bindings.js';
import { afterPolicyStop, decideAfterTermination, onRestartTimer } from '../../sim/model/reactors/monitor.js';
import { reevaluateWaiters, refuseBootStartsOnBlock, refuseBootStartsOnEnd } from '../../sim/model/reactors/lifecycle.js';
import { onOperator } from '../../sim/model/reactors/operator.js';
import { startLimitHit } from '../../sim/policy/rate-limit.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/scenario/types.js';
import { passed, simulate } from '../../sim/simulate.js';

/**
 * The systemd anchors have teeth: break the rule a scenario under
 * scenarios/anchors/ pins (in the resolved scenario, or by swapping one
 * reactor of the model for the length of the case) and the very same file
 * must fail, for the reason named.
 */

/** Why a run did not pass: its failed expectations and violated invariants, one line each. */
function failures(scenario: Scenario): string[] {
  const trace = simulate(scenario);
  return [
    ...trace.summary.expectations.filter((e) => !e.ok).map((e) => `${e.what}: got ${e.actual}`),
    // Violations the anchor's `expect:` names are part of what it pins (a policy invariant it breaks on purpose).
    ...trace.summary.violations.filter((v) => !(Array.isArray(scenario.expect?.violations) && scenario.expect.violations.includes(v.invariant))).map((v) => `violation ${v.invariant}`),
    ...(passed(trace, scenario) ? [] : ['did not pass']),
  ];
}

type Table = Record<string, unknown>;

/** Swaps an entry of a reaction table (TIMERS or REACTIONS) for the length of a case; returns the undo. */
function swap(table: object, key: string, value: unknown): () => void {
  const t = table as Table;
  const original = t[key];
  t[key] = value;
  return () => {
    t[key] = original;
  };
}

/** recsim before issue 11: the start limit tested at the crash, against the instant the restart would start. */
const startLimitAtTheCrash: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  const spec = ctx.topo.specs[fact.c]!;
  const limit = spec.policy.startLimit;
  if (fact.route !== 'own' || !limit || !startLimitHit(s.components[fact.c]!.history.startsUs, ctx.nowUs + spec.policy.delayUs, limit.burst, limit.intervalUs)) return [];
  const reason = 'start-limit-hit, tested at the crash';
  return [
    { do: 'emit', draft: { type: 'decision', component: spec.name, by: 'init', action: 'give-up+reboot', reason }, cause: fact.seq },
    { do: 'set-failed', c: fact.c, cause: ref(0) },
    { do: 'policy-reboot', monitor: 'init', culprit: spec.name, mode: 'graceful', reason, cause: ref(0) },
  ];
};

/** recsim before issue 20: a restart job (an operator's, a propagated try-restart) left a Restart=no unit stopped. */
const restartJobHonoursRestartNo: Reactor<FactOf<'terminated'>> = (s, fact, ctx) =>
  fact.route === 'policy' && ctx.topo.specs[fact.c]!.policy.when === 'never' && s.components[fact.c]!.restartBatch !== undefined
    ? [{ do: 'mark-restart-batch', c: fact.c, batch: undefined }]
    : [];

/**
 * recsim before: a start ordered after a Requires=/BindsTo= unit whose start job failed was not failed with it.
 * The rule taken out of the reactors that apply it: a boot start's refusal is the plain one again (it names
 * nothing missing, so nothing is written), and a waiting start is released as for a plain ordering.
 */
function withoutStartFailure<F extends FactOf<'terminated'> | FactOf<'start-blocked'>>(reactor: Reactor<F>): Reactor<F> {
  return (s, fact, ctx) =>
    reactor(s, fact, ctx).map((cmd): Command => {
      if (cmd.do !== 'refuse-start' || cmd.failed === undefined) return cmd;
      return reactor === (reevaluateWaiters as unknown) ? { do: 'release', c: cmd.c } : { do: 'refuse-start', c: cmd.c, cause: cmd.cause };
    });
}

/** Each of the reactors in the fact kinds' lists wrapped by `wrap`; returns the undo. */
function swapReactors(kinds: readonly ('terminated' | 'start-blocked')[], reactors: readonly unknown[], wrap: (r: never) => unknown): () => void {
  const undos = kinds.map((k) => swap(REACTIONS, k, (REACTIONS[k] as readonly unknown[]).map((r) => (reactors.includes(r) ? wrap(r as never) : r))));
  return () => undos.forEach((undo) => undo());
}

const before = (list: readonly unknown[], anchor: unknown, inserted: unknown): unknown[] => list.flatMap((r) => (r === anchor ? [inserted, r] : [r]));

interface Tooth {
  file: string;
  breaks: string;
  mutate?: (s: Scenario) => void;
  /** Breaks the rule in the model: swaps a reactor, returns the undo. */
  breakModel?: () => () => void;
  givesAway: string;
}

const TEETH: Tooth[] = [
  {
    file: 'scenarios/anchors/systemd-start-limit-at-start-job.yaml',
    breaks: 'the start limit is tested at the crash against the prospective start (recsim before): the reboot comes at 72 s',
    breakModel: () => swap(REACTIONS, 'terminated', before(REACTIONS.terminated, decideAfterTermination, startLimitAtTheCrash)),
    givesAway: 'no record reboot-requested t=72000000: got found',
  },
  {
    file: 'scenarios/anchors/systemd-start-limit-at-start-job.yaml',
    breaks: 'the restart job runs without testing the start limit',
    breakModel: () => swap(TIMERS, 'restart', ((s, e) => (e.epoch === s.epoch ? [{ do: 'restart', c: e.c, cause: e.cause }] : [])) satisfies TimerReactor<'restart'>),
    givesAway: 'reboots.graceful = 1: got 0',
  },
  {
    file: 'scenarios/policies/systemd-start-limit.yaml',
    breaks: 'the start limit is tested at the crash (recsim before): the refused start is not counted as restart 5',
    breakModel: () => swap(REACTIONS, 'terminated', before(REACTIONS.terminated, decideAfterTermination, startLimitAtTheCrash)),
    givesAway: 'restarts of svc = 5: got 4',
  },
  {
    file: 'scenarios/anchors/systemd-bindsto-partof-pair.yaml',
    breaks: 'a stop job does not cancel the pending automatic restart: the service comes back alone (the split)',
    breakModel: () =>
      swap(TIMERS, 'restart', ((s, e, ctx) => (s.components[e.c]!.autoRestart === 'cancelled' ? [{ do: 'restart', c: e.c, cause: e.cause }] : onRestartTimer(s, e, ctx))) satisfies TimerReactor<'restart'>),
    givesAway: 'final state of svc.service = stopped: got "running"',
  },
  {
    file: 'scenarios/anchors/systemd-bindsto-partof-pair.yaml',
    breaks: 'BindsTo= is not honoured: the target keeps running after its service crashed',
    breakModel: () => swap(REACTIONS, 'terminated', REACTIONS.terminated.filter((r) => r !== propagateBindings)),
    givesAway: 'final state of app.target = stopped: got "running"',
  },
  {
    file: 'scenarios/anchors/systemd-partof-restarts-with-bindsto-stops.yaml',
    breaks: 'PartOf= read as BindsTo= (recsim before stopped PartOf= units at the crash): web is stopped at 10 s and stays down',
    mutate: (s) => {
      const web = s.components.find((c) => c.name === 'web.service')!;
      web.policy = { ...web.policy, bindsTo: web.policy.partOf, partOf: undefined };
    },
    givesAway: 'record decision web.service action=try-restart t=15000000: got no such record',
  },
  {
    file: 'scenarios/anchors/systemd-partof-restarts-with-bindsto-stops.yaml',
    breaks: 'the restart of db is not propagated (no JOB_RESTART_DEPENDENCIES): web is not restarted with it',
    breakModel: () => swap(TIMERS, 'restart', ((s, e) => (e.epoch === s.epoch ? [{ do: 'restart', c: e.c, cause: e.cause }] : [])) satisfies TimerReactor<'restart'>),
    givesAway: 'restarts of web.service = 1: got 0',
  },
  {
    file: 'scenarios/anchors/systemd-onfailure-v255.yaml',
    breaks: 'v249 semantics under systemd 255: OnFailure= skipped while the unit auto-restarts',
    mutate: (s) => s.components.forEach((c) => (c.policy = { ...c.policy, systemdVersion: 249 })),
    givesAway: 'record decision notify-normal.service action=start t=10000000: got no such record',
  },
  {
    file: 'scenarios/anchors/systemd-onfailure-v255.yaml',
    breaks: 'RestartMode=direct ignored: the failure passes through the failed state',
    mutate: (s) => s.components.forEach((c) => (c.policy = { ...c.policy, restartMode: 'normal' })),
    givesAway: 'no record decision notify-direct.service action=start t=10000000: got found',
  },
  {
    file: 'scenarios/anchors/systemd-onfailure-v249.yaml',
    breaks: 'v255 semantics under systemd 249: OnFailure= at every failure',
    mutate: (s) => s.components.forEach((c) => (c.policy = { ...c.policy, systemdVersion: 255 })),
    givesAway: 'no record decision notify.service action=start t=10000000: got found',
  },
  {
    file: 'scenarios/anchors/systemd-operator-actions.yaml',
    breaks: 'a manual start is not tested against the start limit',
    breakModel: () => swap(REACTIONS, 'operator', [((s, f, ctx) => (f.action === 'start' ? [{ do: 'start', c: f.c, cause: f.seq }] : onOperator(s, f, ctx))) satisfies Reactor<FactOf<'operator'>>]),
    givesAway: 'no record state svc to=starting t=30000000: got found',
  },
  {
    file: 'scenarios/anchors/systemd-operator-actions.yaml',
    breaks: 'reset-failed leaves the failed state but not the start-limit counter',
    breakModel: () =>
      swap(REACTIONS, 'operator', [
        ((s, f, ctx): Command[] => (f.action === 'reset-failed' ? [{ do: 'set-stopped', c: f.c, cause: f.seq }] : onOperator(s, f, ctx))) satisfies Reactor<FactOf<'operator'>>,
      ]),
    givesAway: 'record state svc from=stopped to=starting t=41000000: got no such record',
  },
  {
    file: 'scenarios/anchors/systemd-operator-actions.yaml',
    breaks: 'an operator stop does not propagate to PartOf= units',
    breakModel: () =>
      swap(REACTIONS, 'operator', [
        ((s, f, ctx): Command[] => (f.action === 'stop' ? [{ do: 'stop', c: f.c, reason: 'operator', cause: f.seq }] : onOperator(s, f, ctx))) satisfies Reactor<FactOf<'operator'>>,
      ]),
    givesAway: 'final state of web = stopped: got "running"',
  },
  {
    file: 'scenarios/anchors/systemd-restart-job-starts-restart-no.yaml',
    breaks: 'a restart job reads Restart= (recsim before): systemctl restart leaves a Restart=no unit stopped',
    breakModel: () => swap(REACTIONS, 'terminated', before(REACTIONS.terminated, afterPolicyStop, restartJobHonoursRestartNo)),
    givesAway: 'restarts of svc = 2: got 0',
  },
  {
    file: 'scenarios/anchors/systemd-partof-restarts-with-bindsto-stops.yaml',
    breaks: 'a propagated try-restart reads Restart= (recsim before): web (Restart=no) stays stopped',
    breakModel: () => swap(REACTIONS, 'terminated', before(REACTIONS.terminated, afterPolicyStop, restartJobHonoursRestartNo)),
    givesAway: 'restarts of web.service = 1: got 0',
  },
  {
    file: 'scenarios/anchors/systemd-restartmode-direct-v256.yaml',
    breaks: 'v257 semantics under systemd 256 (recsim before): the direct restart propagates nothing',
    mutate: (s) => s.components.forEach((c) => (c.policy = { ...c.policy, systemdVersion: 257 })),
    givesAway: 'restarts of web.service = 1: got 0',
  },
  {
    file: 'scenarios/anchors/systemd-restartmode-direct-v257.yaml',
    breaks: 'v256 semantics under systemd 257: the direct restart try-restarts web and app',
    mutate: (s) => s.components.forEach((c) => (c.policy = { ...c.policy, systemdVersion: 256 })),
    givesAway: 'no record decision web.service action=try-restart t=11000000: got found',
  },
  {
    file: 'scenarios/anchors/systemd-restartmode-direct-v257.yaml',
    breaks: 'systemctl restart obeys RestartMode=direct (recsim before): the operator restart propagates nothing',
    breakModel: () =>
      swap(REACTIONS, 'operator', [
        ((s, f, ctx): Command[] =>
          f.action === 'restart' ? [{ do: 'stop', c: f.c, reason: 'operator', cause: f.seq }, { do: 'schedule-restart', c: f.c, delayUs: 0, cause: f.seq, quiet: true }] : onOperator(s, f, ctx)) satisfies Reactor<FactOf<'operator'>>,
      ]),
    givesAway: 'record decision web.service action=try-restart t=30000000: got no such record',
  },
  {
    file: 'scenarios/anchors/systemd-bindsto-partof-pair.yaml',
    breaks: 'a restart cancelled by a stop job ends the unit failed (service_stop() gives it service_determine_dead_state(): dead)',
    breakModel: () =>
      swap(TIMERS, 'restart', ((s, e, ctx) =>
        s.components[e.c]!.autoRestart === 'cancelled' ? [...onRestartTimer(s, e, ctx), { do: 'set-failed', c: e.c, cause: e.cause }] : onRestartTimer(s, e, ctx)) satisfies TimerReactor<'restart'>),
    givesAway: 'final state of svc.service = stopped: got "failed"',
  },
  {
    file: 'scenarios/anchors/systemd-failure-action-every-failure.yaml',
    breaks: 'systemd 253 semantics under 255: FailureAction= only when the unit fails for good',
    mutate: (s) => s.components.forEach((c) => (c.policy = { ...c.policy, systemdVersion: 253 })),
    givesAway: 'reboots.graceful = 1: got 0',
  },
  {
    file: 'scenarios/anchors/systemd-failure-action-every-failure.yaml',
    breaks: 'RestartMode=direct ignored: the direct unit passes through failed and reboots at 5 s',
    mutate: (s) => s.components.forEach((c) => (c.policy = { ...c.policy, restartMode: 'normal' })),
    givesAway: 'no record reboot-requested t=5000000: got found',
  },
  {
    file: 'scenarios/anchors/systemd-manual-restart-flushes-counter.yaml',
    breaks: 'a restart job does not flush the restart counter: the restart at 41 s is attempt 4',
    breakModel: () => swap(TIMERS, 'restart', ((s, e, ctx) => onRestartTimer(s, e, ctx).filter((cmd) => cmd.do !== 'flush-restarts')) satisfies TimerReactor<'restart'>),
    givesAway: 'record restart svc attempt=1 t=41000000: got no such record',
  },
  {
    file: 'scenarios/anchors/systemd-onsuccess.yaml',
    breaks: 'systemd 253 semantics under 255: OnSuccess= skipped before an automatic restart',
    mutate: (s) => s.components.forEach((c) => (c.policy = { ...c.policy, systemdVersion: 253 })),
    givesAway: 'record decision note.service action=start t=20000000: got no such record',
  },
  {
    file: 'scenarios/anchors/systemd-onsuccess.yaml',
    breaks: 'OnSuccess= fired on any end, a failure too',
    mutate: (s) => {
      const job = s.components.find((c) => c.name === 'job.service')!;
      job.policy = { ...job.policy, onFailure: job.policy.onSuccess };
    },
    givesAway: 'no record decision next.service action=start t=30000000: got found',
  },
  {
    file: 'scenarios/anchors/systemd-after-is-not-requires.yaml',
    breaks: 'Requires= read as BindsTo= (a retroactive stop): api stops when db crashes',
    mutate: (s) => {
      const api = s.components.find((c) => c.name === 'api.service')!;
      api.policy = { ...api.policy, bindsTo: api.requires };
    },
    givesAway: 'no record state api.service from=running to=stopping t=10000000: got found',
  },
  {
    file: 'scenarios/anchors/systemd-after-is-not-requires.yaml',
    breaks: 'Wants= propagates restart and stop jobs like Requires=: web is restarted with db',
    mutate: (s) => {
      const web = s.components.find((c) => c.name === 'web.service')!;
      web.requires = web.wants;
    },
    givesAway: 'no record state web.service from=running to=stopping: got found',
  },
  {
    file: 'scenarios/anchors/systemd-after-is-not-requires.yaml',
    breaks: 'After= ignored: web starts at boot beside db',
    mutate: (s) => s.components.forEach((c) => delete c.after),
    givesAway: 'no record state web.service from=stopped to=starting t=0: got found',
  },
  {
    file: 'scenarios/anchors/systemd-after-is-not-requires.yaml',
    breaks: 'Requisite= pulls in like Requires=: the refused start of mon starts db',
    mutate: (s) => {
      const mon = s.components.find((c) => c.name === 'mon.service')!;
      mon.requires = mon.requisite;
      delete mon.requisite;
    },
    givesAway: 'record start-refused mon.service t=60000000: got no such record',
  },
  {
    file: 'scenarios/anchors/systemd-on-demand-units.yaml',
    breaks: 'every unit starts at boot (recsim before): the OnFailure= handler and tool run from 0 s',
    mutate: (s) => s.components.forEach((c) => delete c.start),
    givesAway: 'no record state handler.service to=starting t=0: got found',
  },
  {
    file: 'scenarios/anchors/systemd-on-demand-units.yaml',
    breaks: "an operator's start pulls nothing in: tool's Requires=helper is not started",
    breakModel: () => swap(REACTIONS, 'operator', [((s, f, ctx) => (f.action === 'start' ? [{ do: 'start', c: f.c, cause: f.seq }] : onOperator(s, f, ctx))) satisfies Reactor<FactOf<'operator'>>]),
    givesAway: 'record decision helper.service action=start t=20000000: got no such record',
  },
  {
    file: 'scenarios/anchors/systemd-requires-after-start-failure.yaml',
    breaks: 'a failed start job does not fail the start jobs ordered after it through Requires= (recsim before): api starts once db failed',
    breakModel: () => swapReactors(['terminated', 'start-blocked'], [reevaluateWaiters, refuseBootStartsOnEnd, refuseBootStartsOnBlock], withoutStartFailure),
    givesAway: 'record start-refused api.service missing=db.service t=1000000: got no such record',
  },
  {
    file: 'scenarios/anchors/systemd-requires-after-start-limit.yaml',
    breaks: 'a start job refused by the start limit does not fail the start job ordered after it through Requires= (recsim before): api starts',
    breakModel: () =>
      swap(REACTIONS, 'operator', [
        ((s, f, ctx) =>
          onOperator(s, f, ctx).map((cmd): Command => (cmd.do === 'emit' && cmd.draft.type === 'start-refused' ? { do: 'start', c: ctx.topo.index.get(cmd.draft.component)!, cause: cmd.cause } : cmd))) satisfies Reactor<FactOf<'operator'>>,
      ]),
    givesAway: 'record start-refused api.service missing=db.service t=10000000: got no such record',
  },
];

describe('systemd anchors have teeth (scenarios/anchors/)', () => {
  test.each(TEETH.map((t) => [`${t.file.replace('scenarios/', '')}: ${t.breaks}`, t] as const))('%s', (_name, tooth) => {
    const scenario = loadScenarioFile(tooth.file);
    expect(failures(scenario), 'the anchor passes as written').toEqual([]);
    const broken = loadScenarioFile(tooth.file);
    tooth.mutate?.(broken);
    const undo = tooth.breakModel?.();
    let lines: string[];
    try {
      lines = failures(broken);
    } finally {
      undo?.();
    }
    expect(lines.some((l) => l.startsWith(tooth.givesAway)), `expected a failure starting "${tooth.givesAway}", got:\n${lines.join('\n')}`).toBe(true);
  });

  test('every systemd anchor scenario has at least one tooth', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync('scenarios/anchors').filter((f) => f.startsWith('systemd-') && f.endsWith('.yaml')).map((f) => `scenarios/anchors/${f}`);
    expect(files.filter((f) => !TEETH.some((t) => t.file === f))).toEqual([]);
  });
});
