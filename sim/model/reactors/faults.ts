import { conditionHolds, describeCondition } from '../../faults/condition.js';
import { armedHooksOf, injectFault } from '../../faults/registry.js';
import type { FaultSpec, Scenario } from '../../scenario/types.js';
import type { TraceRecord } from '../../trace/records.js';
import type { Command } from '../commands.js';
import type { ArmedFault, FaultCommand } from '../../faults/commands.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type Reactor, type ReactorContext, type StateView, type TimerReactor } from '../reactor.js';

/**
 * Faults and background load. A fault's timer writes its record and injects
 * what its kind says (apply's `inject-fault`); the heal phase injects nothing.
 * A fault with a `while:` condition (sim/faults/condition.ts) that acts at
 * once is injected only while the condition holds; one that arms carries
 * its condition to the lifecycle moments where it acts.
 */

/** A fault whose kind arms (acts at a later lifecycle moment): its condition is judged there, not now. */
function arms(spec: FaultSpec): boolean {
  return armedHooksOf(spec.fault) !== undefined;
}

/** Whether the fault's `while:` condition holds now (true without one, and for a kind that arms). */
export function faultMayLand(s: StateView, ctx: Pick<ReactorContext, 'topo'>, spec: FaultSpec): boolean {
  if (!spec.condition || arms(spec)) return true;
  return conditionHolds(spec.condition, s.components[ctx.topo.index.get(spec.condition.component)!]!.life.state);
}

/** The triggered faults (`when:`) by the type of record that fires them, in scenario order. */
export function triggersByRecordType(scenario: Scenario): ReadonlyMap<string, readonly number[]> {
  const byType = new Map<string, number[]>();
  scenario.faults.forEach((f, i) => {
    if (f.trigger.kind !== 'when') return;
    byType.set(f.trigger.record, [...(byType.get(f.trigger.record) ?? []), i]);
  });
  return byType;
}

/**
 * A record was written: the triggered faults it fires, each using one of its
 * `times` and scheduled after its delay. Carried out as the record is
 * written (the trigger watches records, not facts).
 */
export function triggeredFaults(s: StateView, record: TraceRecord, ctx: Pick<ReactorContext, 'topo'>, byType: ReadonlyMap<string, readonly number[]>): Command[] {
  const out: Command[] = [];
  for (const i of byType.get(record.type) ?? []) {
    const t = ctx.topo.scenario.faults[i]!.trigger;
    if (t.kind !== 'when' || s.triggerBudget[i]! <= 0) continue;
    if (t.component !== undefined && t.component !== record.component) continue;
    // A `while:` condition that does not hold when the record appears: no firing, none of `times` used.
    if (!faultMayLand(s, ctx, ctx.topo.scenario.faults[i]!)) continue;
    out.push({ do: 'use-trigger', fault: i }, { do: 'schedule', delayUs: t.afterUs, event: { k: 'fault', fault: i, cause: record.seq, source: 'triggered' } });
  }
  return out;
}

export const onFaultTimer: TimerReactor<'fault'> = (s, e, ctx) => {
  const healUs = ctx.topo.scenario.healUs;
  if (healUs !== undefined && ctx.nowUs >= healUs) return NO_COMMANDS;
  const spec = ctx.topo.scenario.faults[e.fault]!;
  const out: Command[] = [];
  if (e.source === 'stochastic') out.push({ do: 'schedule-stochastic', fault: e.fault, fromUs: ctx.nowUs });
  if (faultMayLand(s, ctx, spec)) out.push({ do: 'inject-fault', fault: e.fault, source: e.source, cause: e.cause });
  return out;
};

/** What the fault's kind does to the model, as commands caused by the fault's record. */
export const injectByKind: Reactor<FactOf<'fault-injected'>> = (s, fact, ctx) => {
  const spec = ctx.topo.scenario.faults[fact.fault]!;
  const target = spec.target === undefined ? undefined : ctx.topo.index.get(spec.target);
  const commands = injectFault(spec, { target, cause: fact.seq });
  const condition = spec.condition;
  if (!condition) return commands;
  const on = ctx.topo.index.get(condition.component)!;
  const guard = { c: on, test: condition.test, state: condition.state, why: describeCondition(condition) };
  return commands.flatMap((cmd): FaultCommand[] => {
    if (cmd.do !== 'arm') return [cmd];
    const armed: ArmedFault = { ...cmd.armed, while: guard };
    // A fault armed with a `while:` is never used up: arming the same one again (a stochastic fault at 100/s)
    // adds nothing it does not already do, and would grow the list every start and stop request walks (a `while:` storm).
    return s.components[cmd.c]!.armed.some((other) => sameArmedFault(other, armed)) ? [] : [{ ...cmd, armed }];
  });
};

/** Two armed faults that act alike at every lifecycle moment: same kind, numbers and `while:` condition. */
function sameArmedFault(a: ArmedFault, b: ArmedFault): boolean {
  if (a.kind !== b.kind || a.while?.c !== b.while?.c || a.while?.test !== b.while?.test || a.while?.state !== b.while?.state) return false;
  const keys = Object.keys(a.data ?? {});
  return keys.length === Object.keys(b.data ?? {}).length && keys.every((k) => a.data![k] === b.data?.[k]);
}
