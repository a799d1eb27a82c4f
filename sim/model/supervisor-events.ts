import { describeTermination, isFailure } from '../policy/termination.js';
import type { Termination } from '../trace/records.js';
import type { ComponentRuntime, SupervisorEvent } from './component.js';
import { requestReboot } from './power.js';
import type { World } from './world.js';

/**
 * F10, the RFC's supervisor alternative: component-scoped Started/Stopped
 * events routed to supervisors, delivered with `on_receive: start` or
 * dropped with `dispatch_if_started`. Functions of the World, split out by concept.
 */
/** F10: component-scoped Started/Stopped events, routed to the supervisors that watch this component. */
export function notifySupervisors(w: World, c: ComponentRuntime, termination: Termination, failedToStart: boolean, cause: number): void {
  for (const s of w.components) {
    if (!s.spec.supervises.includes(c.spec.name)) continue;
    const ok = !isFailure(termination);
    const event: SupervisorEvent = failedToStart
      ? { event: 'started', component: c.spec.name, ok: false, status: 'start failed', cause }
      : { event: 'stopped', component: c.spec.name, ok, status: ok ? 'ok' : describeTermination(termination), cause };
    if (s.state === 'running') receiveEvent(w, s, event);
    else if (s.spec.onReceive === 'start' && s.state !== 'hung') {
      // The component manager starts the supervisor to receive the event, even one its policy gave up on.
      s.pendingEvents.push(event);
      if (s.state === 'failed') w.setState(s, 'stopped', cause);
      w.requestStart(s, cause, 'restart');
    } else if (s.state === 'hung') {
      w.emit({ type: 'event-dropped', component: c.spec.name, event: event.event, reason: `${s.spec.name} is hung and does not process it`, cause });
    } else {
      w.emit({ type: 'event-dropped', component: c.spec.name, event: event.event, reason: `${s.spec.name} is ${s.state} and receives with dispatch_if_started`, cause });
    }
  }
}

export function deliverPendingEvents(w: World, s: ComponentRuntime): void {
  const events = s.pendingEvents.splice(0);
  for (const e of events) receiveEvent(w, s, e);
}

/** The RFC's supervisor: reboot on Started-with-error or a Stopped with a non-ok status; a clean exit is fine. */
export function receiveEvent(w: World, s: ComponentRuntime, e: SupervisorEvent): void {
  const detected = w.emit({ type: 'detected', component: e.component, by: s.spec.name, how: 'event', cause: e.cause });
  if (e.ok) {
    w.emit({ type: 'decision', component: e.component, by: s.spec.name, action: 'none', reason: `${e.event} with status ok`, cause: detected.seq });
    return;
  }
  const decision = w.emit({ type: 'decision', component: e.component, by: s.spec.name, action: 'reboot', reason: `${e.event} with ${e.status}`, cause: detected.seq });
  requestReboot(w, e.component, 'critical-component-failure', decision.seq, s.spec.name);
}
