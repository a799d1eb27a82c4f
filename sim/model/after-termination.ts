import type { Termination } from '../trace/records.js';
import { type ComponentRuntime, isAlive, type StopReason } from './component.js';
import { shouldRebootOnTerminate } from './critical.js';
import { handleByMonitor } from './monitor.js';
import { requestReboot } from './power.js';
import { COMPONENT_MANAGER } from './actors.js';
import type { World } from './world.js';

/**
 * What a termination outside shutdown sets off besides its monitor: the
 * component manager's reboot-on-terminate (F1, F3), transient collections
 * (F2), dependents (R4) and components waiting to resume. Functions of the
 * World, split out by concept.
 */
export function afterTermination(w: World, c: ComponentRuntime, termination: Termination, endedSeq: number, detectedSeq?: number): void {
  const reboot = shouldRebootOnTerminate(c.spec, termination, w.scenario.system.rebootOnTerminate);
  if (reboot.reboot) {
    const decision = w.emit({ type: 'decision', component: c.spec.name, by: COMPONENT_MANAGER, action: 'reboot', reason: reboot.reason, cause: endedSeq });
    requestReboot(w, c.spec.name, 'critical-component-failure', decision.seq, COMPONENT_MANAGER);
  }
  if (c.spec.collection?.durability === 'single-run') {
    // F3: a single-run child is destroyed only once it has terminated, so its reboot above still happens.
    w.setState(c, 'destroyed', endedSeq);
    return;
  }
  if (!reboot.reboot) handleByMonitor(w, c, termination, endedSeq, detectedSeq);
}

/**
 * F2, broken on purpose (`check_shutdown_before_reboot: false`): a
 * component manager that does not ask whether the system is shutting down
 * treats a reboot-on-terminate component stopped by the shutdown like any
 * other termination and asks for a reboot.
 */
export function flawedRebootDuringShutdown(w: World, c: ComponentRuntime, termination: Termination, endedSeq: number, stopReason: StopReason | undefined): void {
  if (w.scenario.system.checkShutdownBeforeReboot || stopReason === 'destroy') return;
  const reboot = shouldRebootOnTerminate(c.spec, termination, w.scenario.system.rebootOnTerminate);
  if (!reboot.reboot) return;
  const decision = w.emit({ type: 'decision', component: c.spec.name, by: COMPONENT_MANAGER, action: 'reboot', reason: reboot.reason, cause: endedSeq });
  requestReboot(w, c.spec.name, 'critical-component-failure', decision.seq, COMPONENT_MANAGER);
}

/** F2: the parent of a transient collection stopping destroys the collection's children. */
export function destroyTransientChildren(w: World, parent: ComponentRuntime, cause: number): void {
  for (const child of w.components) {
    if (child.spec.collection?.parent === parent.spec.name && child.spec.collection.durability === 'transient') {
      if (isAlive(child.state)) w.stopComponent(child, 'destroy', cause);
      else if (child.state !== 'destroyed') w.setState(child, 'destroyed', cause);
    }
  }
}

/** R4 (with on_dependency_stop: stop-dependents): a component that stops takes down what depends on it. */
export function stopDependents(w: World, c: ComponentRuntime, cause: number): void {
  if (w.scenario.system.onDependencyStop !== 'stop-dependents') return;
  for (const d of w.dependents[c.index]!) {
    const dependent = w.components[d]!;
    if (isAlive(dependent.state) && dependent.stopReason === undefined) w.suspend(dependent, 'stop', [], cause);
  }
}

/** A component taken down from outside waits for what it needs, then starts again (counted as a restart). */
export function awaitResume(w: World, c: ComponentRuntime, cause: number): void {
  c.resumeAsRestart = true;
  c.waitingForDeps = true;
  c.pendingStartCause = cause;
  w.releaseWaiters();
}
