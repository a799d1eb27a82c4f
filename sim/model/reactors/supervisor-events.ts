import { describeTermination, isFailure } from '../../policy/termination.js';
import { concatBatches } from '../batch.js';
import { ref, type Command } from '../commands.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type Reactor, type ReactorContext } from '../reactor.js';
import { systemIsStopping, type SupervisorEvent } from '../state.js';

/**
 * F10, the RFC's supervisor alternative: component-scoped Started/Stopped
 * events routed to supervisors, delivered with `on_receive: start` or
 * dropped with `dispatch_if_started`.
 */

/** The RFC's supervisor: reboot on Started-with-error or a Stopped with a non-ok status; a clean exit is fine. */
function receive(ctx: ReactorContext, supervisor: number, e: SupervisorEvent): Command[] {
  const by = ctx.topo.specs[supervisor]!.name;
  const detected: Command = { do: 'emit', draft: { type: 'detected', component: e.component, by, how: 'event' }, cause: e.cause };
  if (e.ok) return [detected, { do: 'emit', draft: { type: 'decision', component: e.component, by, action: 'none', reason: `${e.event} with status ok` }, cause: ref(0) }];
  return [
    detected,
    { do: 'emit', draft: { type: 'decision', component: e.component, by, action: 'reboot', reason: `${e.event} with ${e.status}` }, cause: ref(0) },
    { do: 'request-reboot', culprit: e.component, reason: 'critical-component-failure', by, cause: ref(1), checkInFlight: true },
  ];
}

export const notifySupervisors: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  // No supervisor receives its events (almost every component): no event is described for nobody.
  if (ctx.topo.supervisorsOf[fact.c]!.length === 0 || fact.route !== 'own' || systemIsStopping(s)) return NO_COMMANDS;
  const name = ctx.topo.specs[fact.c]!.name;
  const ok = !isFailure(fact.termination);
  const event: SupervisorEvent = fact.startFailed
    ? { event: 'started', component: name, ok: false, status: 'start failed', cause: fact.seq }
    : { event: 'stopped', component: name, ok, status: ok ? 'ok' : describeTermination(fact.termination), cause: fact.seq };
  const batches: Command[][] = [];
  for (const sup of ctx.topo.supervisorsOf[fact.c]!) {
    const spec = ctx.topo.specs[sup]!;
    const state = s.components[sup]!.life.state;
    if (state === 'running') batches.push(receive(ctx, sup, event));
    else if (state === 'destroyed') {
      // A destroyed supervisor no longer exists: nothing receives the event, whatever its delivery mode (F2, F10).
      batches.push([{ do: 'emit', draft: { type: 'event-dropped', component: name, event: event.event, reason: `${spec.name} is destroyed: no supervisor receives it` }, cause: fact.seq }]);
    } else if (spec.onReceive === 'start' && state !== 'hung') {
      // The component manager starts the supervisor to receive the event, even one its policy gave up on.
      batches.push([
        { do: 'queue-event', supervisor: sup, event },
        { do: 'set-stopped', c: sup, cause: fact.seq },
        { do: 'request-start', c: sup, cause: fact.seq, why: 'restart' },
      ]);
    } else {
      const reason = state === 'hung' ? `${spec.name} is hung and does not process it` : `${spec.name} is ${state} and receives with dispatch_if_started`;
      batches.push([{ do: 'emit', draft: { type: 'event-dropped', component: name, event: event.event, reason }, cause: fact.seq }]);
    }
  }
  return concatBatches(batches);
};

/** A supervisor that runs again receives what was queued for it. */
export const deliverPendingEvents: Reactor<FactOf<'started'>> = (s, fact, ctx) => {
  if (ctx.topo.specs[fact.c]!.kind !== 'supervisor') return NO_COMMANDS;
  const events = s.components[fact.c]!.pendingEvents;
  if (events.length === 0) return NO_COMMANDS;
  return concatBatches([[{ do: 'take-queued-events', supervisor: fact.c }], ...events.map((e) => receive(ctx, fact.c, e))]);
};

/** `on_receive: start` still owes a supervisor that just ended the events queued for it: start it again. */
export const startForOwedEvents: Reactor<FactOf<'terminated'>> = (s, fact) => {
  if (fact.route === 'shutdown' || fact.route === 'stopping' || fact.route === 'destroy') return NO_COMMANDS;
  return s.components[fact.c]!.pendingEvents.length > 0 ? [{ do: 'request-start', c: fact.c, cause: fact.seq, why: 'restart' }] : NO_COMMANDS;
};

