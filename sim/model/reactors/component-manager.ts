import { COMPONENT_MANAGER } from '../actors.js';
import { ref, type Command } from '../commands.js';
import { shouldRebootOnTerminate } from '../critical.js';
import type { FactOf } from '../facts.js';
import { NO_COMMANDS, type Reactor, type ReactorContext } from '../reactor.js';
import { systemIsStopping } from '../state.js';

/**
 * Fuchsia's component manager (F1-F5): a component with `on_terminate:
 * reboot` that terminates asks for a graceful reboot.
 */
function rebootFor(ctx: ReactorContext, c: number, reason: string, seq: number, checkInFlight: boolean): Command[] {
  const name = ctx.topo.specs[c]!.name;
  return [
    { do: 'emit', draft: { type: 'decision', component: name, by: COMPONENT_MANAGER, action: 'reboot', reason }, cause: seq },
    { do: 'request-reboot', culprit: name, reason: 'critical-component-failure', by: COMPONENT_MANAGER, cause: ref(0), checkInFlight },
  ];
}

/**
 * F1, F3 (a single-run child still reboots: it is destroyed only after it
 * terminated), F5. RFC-0110: "During the `Stop` action, `component_manager`
 * can check the `on_terminate` option. If it is set, and the component is not
 * shutting down, `component_manager` calls `Admin/Reboot`": any stop but a
 * system shutdown or a destroy, so one stopped by a policy or a dependency too.
 */
export const rebootOnTerminate: Reactor<FactOf<'terminated'>> = (s, fact, ctx) => {
  const stopped = fact.route === 'own' || fact.route === 'policy' || fact.route === 'dependency';
  // Not set to reboot (almost every component): shouldRebootOnTerminate's first test, before any of its work.
  if (!stopped || ctx.topo.specs[fact.c]!.onTerminate !== 'reboot' || systemIsStopping(s)) return NO_COMMANDS;
  const system = ctx.topo.scenario.system;
  const reboot = shouldRebootOnTerminate(ctx.topo.specs[fact.c]!, fact.termination, system.rebootOnTerminate);
  return reboot.reboot ? rebootFor(ctx, fact.c, reboot.reason, fact.seq, system.checkShutdownBeforeReboot) : NO_COMMANDS;
};

/**
 * F2, broken on purpose (`check_shutdown_before_reboot: false`): a component
 * manager that does not ask whether the system is shutting down treats a
 * reboot-on-terminate component stopped by the shutdown like any other
 * termination and asks for a reboot.
 */
export const flawedRebootDuringShutdown: Reactor<FactOf<'terminated'>> = (_s, fact, ctx) => {
  const system = ctx.topo.scenario.system;
  if (fact.route !== 'shutdown' || system.checkShutdownBeforeReboot || fact.stopReason === 'destroy') return NO_COMMANDS;
  const reboot = shouldRebootOnTerminate(ctx.topo.specs[fact.c]!, fact.termination, system.rebootOnTerminate);
  return reboot.reboot ? rebootFor(ctx, fact.c, reboot.reason, fact.seq, false) : [];
};
