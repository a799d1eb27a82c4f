import type { Micros } from '../../engine/time.js';
import { ROOT_MONITOR } from '../actors.js';
import { ref, type Command } from '../commands.js';
import type { SimEvent } from '../events.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type StateView, type Reactor, type ReactorContext, type TimerReactor } from '../reactor.js';
import { systemIsStopping } from '../state.js';

/**
 * How monitors find hung components (R3). Heartbeats and monitor calls tick
 * on fixed grids from t = 0 (every `period`). A healthy component answers
 * every tick and nothing can come of it, so ticks are scheduled only while a
 * component hangs: the first at the next grid instant at or after the hang.
 * Same outcome, far fewer events.
 */
function atNextTick(nowUs: Micros, periodUs: Micros, event: SimEvent): Command {
  const offset = nowUs % periodUs;
  return { do: 'schedule', delayUs: offset === 0 ? 0 : periodUs - offset, event };
}

function callPeriodOf(ctx: ReactorContext, c: number): Micros | undefined {
  const m = ctx.topo.monitorOf[c];
  return m === undefined ? undefined : ctx.topo.specs[m]!.callCheckEveryUs;
}

function monitorIsUp(s: StateView, ctx: ReactorContext, c: number): boolean {
  const m = ctx.topo.monitorOf[c];
  return m === undefined || s.components[m]!.life.state === 'running';
}

function monitorName(ctx: ReactorContext, c: number): string {
  const m = ctx.topo.monitorOf[c];
  return m === undefined ? ROOT_MONITOR : ctx.topo.specs[m]!.name;
}

/** Still the same hung process, and the system is not going down. */
function stillHung(s: StateView, c: number, generation: number): boolean {
  const component = s.components[c]!;
  return generation === component.generation && component.life.state === 'hung' && !systemIsStopping(s);
}

export const watchHung: Reactor<FactOf<'hung'>> = (s, fact, ctx) => {
  const generation = s.components[fact.c]!.generation;
  const out: Command[] = [];
  const heartbeatUs = ctx.topo.scenario.system.heartbeatPeriodUs;
  if (heartbeatUs > 0) out.push(atNextTick(ctx.nowUs, heartbeatUs, { k: 'heartbeat', c: fact.c, generation }));
  const callEvery = callPeriodOf(ctx, fact.c);
  if (callEvery !== undefined) out.push(atNextTick(ctx.nowUs, callEvery, { k: 'call', c: fact.c, generation }));
  return out;
};

/** R3: a monitor's periodic check finds a hung component, kills it and lets its policy decide. */
export const onHeartbeat: TimerReactor<'heartbeat'> = (s, e, ctx) => {
  if (!stillHung(s, e.c, e.generation)) return NO_COMMANDS;
  const next: Command = { do: 'schedule', delayUs: ctx.topo.scenario.system.heartbeatPeriodUs, event: e };
  if (!monitorIsUp(s, ctx, e.c)) return [next];
  const life = s.components[e.c]!.life;
  const missed = (life.state === 'hung' ? life.missedHeartbeats : 0) + 1;
  const policy = s.components[e.c]!.policyOverride ?? ctx.topo.specs[e.c]!.policy;
  if (missed < policy.heartbeatMissLimit) return [{ do: 'heartbeat-missed', c: e.c }, next];
  const name = ctx.topo.specs[e.c]!.name;
  return [
    { do: 'emit', draft: { type: 'detected', component: name, by: monitorName(ctx, e.c), how: 'heartbeat' }, cause: life.state === 'hung' ? life.hungCause : undefined },
    { do: 'kill', c: e.c, reason: 'missed heartbeat', termination: { kind: 'missed-heartbeat' }, cause: ref(0), detected: ref(0) },
  ];
};

/** R3: the monitor calls each child; a hung child does not answer within the call timeout. */
export const onCall: TimerReactor<'call'> = (s, e, ctx) => {
  if (!stillHung(s, e.c, e.generation)) return NO_COMMANDS;
  if (!monitorIsUp(s, ctx, e.c)) return [{ do: 'schedule', delayUs: callPeriodOf(ctx, e.c)!, event: e }];
  const m = ctx.topo.monitorOf[e.c]!;
  const timeoutUs = ctx.topo.specs[m]!.callTimeoutUs ?? ctx.topo.scenario.system.callTimeoutUs;
  const life = s.components[e.c]!.life;
  return [{ do: 'schedule', delayUs: timeoutUs, event: { k: 'call-timeout', c: e.c, generation: e.generation, cause: life.state === 'hung' ? life.hungCause : 0 } }];
};

export const onCallTimeout: TimerReactor<'call-timeout'> = (s, e, ctx) => {
  if (!stillHung(s, e.c, e.generation)) return NO_COMMANDS;
  if (!monitorIsUp(s, ctx, e.c)) return [{ do: 'schedule', delayUs: callPeriodOf(ctx, e.c)!, event: { k: 'call', c: e.c, generation: e.generation } }];
  const name = ctx.topo.specs[e.c]!.name;
  return [
    { do: 'emit', draft: { type: 'detected', component: name, by: monitorName(ctx, e.c), how: 'call-timeout' }, cause: e.cause },
    { do: 'kill', c: e.c, reason: 'call timed out', termination: { kind: 'call-timeout' }, cause: ref(0), detected: ref(0) },
  ];
};
