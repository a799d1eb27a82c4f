import { describe, expect, test, vi } from 'vitest';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import type { FaultSpec, Scenario } from '../../sim/scenario/types.js';
import { component, describeTeeth, wrapRequest, type Tooth } from '../helpers/teeth.js';

/** Two rules live in pure model modules read by the writer's gates: broken here by swapping the module's export, for one tooth. */
const broken = vi.hoisted(() => ({ onItsWay: false, storagePath: false, comesBack: false }));

vi.mock('../../sim/model/readiness.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../sim/model/readiness.js')>();
  return {
    ...mod,
    isOnItsWay: (...args: Parameters<typeof mod.isOnItsWay>) => (broken.onItsWay ? false : mod.isOnItsWay(...args)),
    willComeBack: (...args: Parameters<typeof mod.willComeBack>) => (broken.comesBack ? true : mod.willComeBack(...args)),
  };
});

vi.mock('../../sim/model/stop-order.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../sim/model/stop-order.js')>();
  return { ...mod, downStore: (...args: Parameters<typeof mod.downStore>) => (broken.storagePath ? undefined : mod.downStore(...args)) };
});

function toggle(flag: keyof typeof broken): () => () => void {
  return () => {
    broken[flag] = true;
    return () => {
      broken[flag] = false;
    };
  };
}

/**
 * Each RFC scenario has teeth: break the rule it checks, on purpose, in the
 * resolved scenario, and the very same file must fail. Each case names what
 * gives the broken run away (a failed expectation or a violated invariant),
 * so a mutant that fails for an unrelated reason does not count.
 */

/** A fault of the given kind, as another scenario file declares it (so the shape stays the loader's). */
function faultOf(file: string, kind: string): FaultSpec {
  const f = loadScenarioFile(file).faults.find((x) => x.fault === kind);
  if (!f) throw new Error(`no ${kind} fault in ${file}`);
  return f;
}

/** Removes a component and the faults aimed at it. */
function withoutComponent(s: Scenario, name: string): void {
  s.components = s.components.filter((c) => c.name !== name);
  s.faults = s.faults.filter((f) => f.target !== name);
}

const TEETH: Tooth[] = [
  {
    rule: 'F1',
    file: 'scenarios/fuchsia/f01-reboot-on-any-termination.yaml',
    breaks: 'the component manager ignores a normal exit (the later "other than a graceful exit" reading)',
    mutate: (s) => { s.system.rebootOnTerminate.trigger = 'non-graceful-exit'; },
    givesAway: 'reboots.graceful = 1: got 0',
  },
  {
    rule: 'F2',
    file: 'scenarios/fuchsia/f02-no-reboot-on-destroy-child.yaml',
    breaks: 'DestroyChild is treated as a termination from within (the destroy becomes a kill)',
    mutate: (s) => { s.faults.forEach((f) => { if (f.fault === 'destroy') Object.assign(f, { fault: 'kill', signal: 'kill' }); }); },
    givesAway: 'reboots.graceful = 0: got 1',
  },
  {
    rule: 'F3',
    file: 'scenarios/fuchsia/f03-single-run-child-exit-reboots.yaml',
    breaks: 'the single-run child is destroyed before it has terminated (its exit becomes a destroy)',
    mutate: (s) => { s.faults.forEach((f) => { if (f.fault === 'exit') f.fault = 'destroy'; }); },
    givesAway: 'reboots.graceful = 1: got 0',
  },
  {
    rule: 'F4',
    file: 'scenarios/fuchsia/f04-allowlist-checked-at-start.yaml',
    breaks: 'the disallowed component is put on the allowlist',
    mutate: (s) => { s.system.rebootOnTerminate.allowlist.push('/core/system-update-checker'); },
    givesAway: 'final state of /core/system-update-checker = failed: got "running"',
  },
  {
    rule: 'F4',
    file: 'scenarios/fuchsia/f04-allowlist-checked-at-start.yaml',
    breaks: 'the /core/network/* pattern is removed from the allowlist, so netstack is refused at start',
    mutate: (s) => { s.system.rebootOnTerminate.allowlist = s.system.rebootOnTerminate.allowlist.filter((e) => e !== '/core/network/*'); },
    givesAway: 'final state of /core/network/netstack = running: got "failed"',
  },
  {
    rule: 'F5',
    file: 'scenarios/fuchsia/f05-disabled-in-nested-component-manager.yaml',
    breaks: 'reboot_on_terminate_enabled is left on in the nested component manager',
    mutate: (s) => { s.system.rebootOnTerminate.enabled = true; },
    givesAway: 'reboots.graceful = 0: got 1',
  },
  {
    rule: 'F5',
    file: 'scenarios/fuchsia/f01-reboot-on-any-termination.yaml',
    breaks: 'reboot_on_terminate_enabled is turned off in the root component manager',
    mutate: (s) => { s.system.rebootOnTerminate.enabled = false; },
    givesAway: 'reboots.graceful = 1: got 0',
  },
  {
    rule: 'F6',
    file: 'scenarios/fuchsia/f06-one-reboot-in-flight.yaml',
    breaks: 'the component manager asks again while a reboot is under way',
    mutate: (s) => { s.system.checkShutdownBeforeReboot = false; },
    givesAway: 'violation one-reboot-in-flight',
  },
  {
    rule: 'F7',
    file: 'scenarios/fuchsia/f07-shim-forwards-at-once.yaml',
    breaks: 'the power manager does not answer (it hangs before the request), so the shim waits out its 2 s connect timeout',
    mutate: (s) => { s.faults.unshift(faultOf('scenarios/fuchsia/f07-power-manager-hung-shim-falls-back.yaml', 'hang')); },
    givesAway: 'record shutdown-started culprit=/core/network/netstack t=30000000: got no such record',
  },
  {
    rule: 'F7',
    file: 'scenarios/fuchsia/f07-power-manager-hung-shim-falls-back.yaml',
    breaks: 'the product has no power manager at all (the protocol is missing): the component manager panics instead',
    mutate: (s) => { withoutComponent(s, '/bootstrap/power_manager'); },
    givesAway: 'reboots.ungraceful = 0: got 1',
  },
  {
    rule: 'F7',
    file: 'scenarios/fuchsia/f07-power-manager-hung-shim-falls-back.yaml',
    breaks: 'the shim waits 10 s for the power manager instead of its 2 s SERVICE_CONNECTION_TIMEOUT',
    mutate: (s) => { s.system.shimDelayUs = 10_000_000; },
    givesAway: 'record decision /core/network/netstack by=shutdown_shim action=shutdown t=32000000: got no such record',
  },
  {
    rule: 'F7',
    file: 'scenarios/fuchsia/f07-power-manager-stopped-shim-falls-back.yaml',
    breaks: 'the power manager is restarted after its exit, so the shim reaches it and has nothing to fall back from',
    mutate: (s) => { component(s, '/bootstrap/power_manager').policy.when = 'always'; },
    givesAway: 'record decision /core/network/netstack by=shutdown_shim action=shutdown reason=the power manager is stopped (transport error): the shim drives the shutdown itself (SystemController.Shutdown, an orderly shutdown) t=30000000: got no such record',
  },
  {
    rule: 'F7',
    file: 'scenarios/fuchsia/f07-reboot-call-fails-panics.yaml',
    breaks: 'Admin.Reboot succeeds (no reboot_call_fails fault)',
    mutate: (s) => { s.faults = s.faults.filter((f) => f.fault !== 'reboot-call-fails'); },
    givesAway: 'reboots.ungraceful = 1: got 0',
  },
  {
    rule: 'F7',
    file: 'scenarios/fuchsia/f07-power-manager-missing-panics.yaml',
    breaks: 'a power manager serves Admin after all',
    mutate: (s) => { s.components.unshift(structuredClone(component(loadScenarioFile('scenarios/fuchsia/f07-shim-forwards-at-once.yaml'), '/bootstrap/power_manager'))); },
    givesAway: 'reboots.ungraceful = 1: got 0',
  },
  {
    rule: 'F8',
    file: 'scenarios/fuchsia/f08-orderly-shutdown.yaml',
    breaks: 'shutdown stops everything at once',
    mutate: (s) => { s.system.shutdownOrder = 'simultaneous'; },
    givesAway: 'violation shutdown-stops-dependents-first',
  },
  {
    rule: 'F8',
    file: 'scenarios/fuchsia/f08-orderly-shutdown.yaml',
    breaks: 'the per-environment stop timeout is ignored (audio_core waits the 5 s default)',
    mutate: (s) => { component(s, '/core/audio_core').stopTimeoutUs = undefined; },
    givesAway: 'record killed /core/audio_core reason=stop timeout t=31000000: got no such record',
  },
  {
    rule: 'F8',
    file: 'scenarios/fuchsia/f08-order-through-stopped-component.yaml',
    breaks: 'shutdown readiness ignores the declared graph (everything is asked to stop at once)',
    mutate: (s) => { s.system.shutdownOrder = 'simultaneous'; },
    givesAway: 'record stop-requested /bootstrap/fshost reason=shutdown t=20500000: got no such record',
  },
  {
    rule: 'F8',
    file: 'scenarios/fuchsia/f08-stop-timeout-bounds-a-slow-stop.yaml',
    breaks: 'the slow component is given the 5 s default instead of its own 1 s stop timeout',
    mutate: (s) => { component(s, '/core/cobalt').stopTimeoutUs = undefined; },
    givesAway: 'record killed /core/cobalt reason=stop timeout t=31000000: got no such record',
  },
  {
    rule: 'F9',
    file: 'scenarios/fuchsia/f09-main-process-critical.yaml',
    breaks: 'archivist is not main_process_critical',
    mutate: (s) => { component(s, '/bootstrap/archivist').mainProcessCritical = false; },
    givesAway: 'reboots.ungraceful = 2: got 1',
  },
  {
    rule: 'F10',
    file: 'scenarios/fuchsia/f10-supervisor-on-receive-start.yaml',
    breaks: 'the supervisor subscribes with dispatch_if_started instead of on_receive: start',
    mutate: (s) => { component(s, '/core/supervisor').onReceive = 'dispatch_if_started'; },
    givesAway: 'violation no-event-lost',
  },
  {
    rule: 'R1',
    file: 'scenarios/redox/r1-exit-codes.yaml',
    breaks: 'exit code 78 is no longer mapped to give-up',
    mutate: (s) => { component(s, 'smolnetd').policy.exitActions = undefined; },
    givesAway: 'final state of smolnetd = failed: got "running"',
  },
  {
    rule: 'R2',
    file: 'scenarios/redox/r2-timer-recovery-never.yaml',
    breaks: 'timer behaves like recovery (no restart after a clean exit)',
    mutate: (s) => { component(s, 'timerd').policy.when = 'on-failure'; },
    givesAway: 'restarts of timerd = 2: got 1',
  },
  {
    rule: 'R2',
    file: 'scenarios/redox/r2-override-at-run-time.yaml',
    breaks: 'the run-time override is not applied',
    mutate: (s) => { s.faults = s.faults.filter((f) => f.fault !== 'override'); },
    givesAway: 'restarts of smolnetd = 1: got 2',
  },
  {
    rule: 'R3',
    file: 'scenarios/redox/r3-call-timeout.yaml',
    breaks: 'the monitor makes no calls, so only the 3 s heartbeat can find the hang',
    mutate: (s) => { component(s, 'coremon').callCheckEveryUs = undefined; },
    givesAway: 'record detected redoxfs by=coremon how=call-timeout t=11050000: got no such record',
  },
  {
    rule: 'R4',
    file: 'scenarios/redox/r4-depends-is-one-way.yaml',
    breaks: 'a dependency stopping leaves its dependents running',
    mutate: (s) => { s.system.onDependencyStop = 'keep-dependents'; },
    givesAway: 'restarts of editor = 1: got 0',
  },
  {
    rule: 'R4',
    file: 'scenarios/redox/r4-depends-is-one-way.yaml',
    breaks: 'the services are supervised by OTP-style supervisors instead of Redox service monitors, so the default is no longer R4',
    mutate: (s) => { for (const name of ['coremon', 'usermon']) component(s, name).kind = 'supervisor'; },
    givesAway: 'restarts of editor = 1: got 0',
  },
  {
    rule: 'R4',
    file: 'scenarios/redox/r4-boot-blocked-names-the-missing-dependency.yaml',
    breaks: 'a start blocked at boot waits without a word (the model writes no refusal)',
    breakModel: () => wrapRequest('refuse-start', () => () => []),
    givesAway: 'record start-refused redoxfs missing=ahcid t=200000: got no such record',
  },
  {
    rule: 'R4',
    file: 'scenarios/redox/r4-boot-blocked-names-the-missing-dependency.yaml',
    breaks: 'a start blocked at boot waits without a word, so the boot stalls silently',
    breakModel: () => wrapRequest('refuse-start', () => () => []),
    givesAway: 'violation boot-completes',
  },
  {
    rule: 'R4',
    file: 'scenarios/redox/r4-resume-refused-when-its-dependency-is-given-up.yaml',
    breaks: 'every end looks like one its component comes back from, so a resume waits for a dependency given up on without a word',
    breakModel: toggle('comesBack'),
    givesAway: 'record start-refused app missing=db t=11100000: got no such record',
  },
  {
    rule: 'R4',
    file: 'scenarios/redox/r4-boot-blocked-behind-a-running-dependency.yaml',
    breaks: 'a start that finds, once one dependency runs, that the next is left down waits without a word',
    breakModel: () => wrapRequest('refuse-start', () => () => []),
    givesAway: 'violation boot-completes',
  },
  {
    rule: 'R5',
    file: 'scenarios/redox/r5-shutdown-follows-depends.yaml',
    breaks: 'shutdown ignores depends',
    mutate: (s) => { s.system.shutdownOrder = 'simultaneous'; },
    givesAway: 'violation shutdown-stops-dependents-first',
  },
  {
    rule: 'R5',
    file: 'scenarios/redox/r5-stop-timeout-bounds-every-stop.yaml',
    breaks: "editor's stop timeout is longer than its stop (3 s), so it ends gracefully at 22 s",
    mutate: (s) => { component(s, 'editor').stopTimeoutUs = 3_000_000; },
    givesAway: 'record killed editor reason=stop timeout t=21000000: got no such record',
  },
  {
    rule: 'R6',
    file: 'scenarios/redox/r6-storm-guard.yaml',
    breaks: 'the monitor has no storm guard',
    mutate: (s) => { component(s, 'coremon').stormGuardUs = undefined; },
    givesAway: 'final state of smolnetd = failed: got "running"',
  },
  {
    rule: 'R6',
    file: 'scenarios/redox/r6-storm-guard-counts-failures-only.yaml',
    breaks: "the guard counts timerd's clean exits as failures (they become exit code 1)",
    mutate: (s) => { s.faults.forEach((f) => { if (f.target === 'timerd' && f.fault === 'exit') Object.assign(f, { fault: 'crash', exitCode: 1 }); }); },
    givesAway: 'final state of timerd = running: got "failed"',
  },
  {
    rule: 'R7',
    file: 'scenarios/redox/r7-one-termination-one-restart.yaml',
    breaks: 'the model forgets what is already on its way up: a second monitor restarts editor again (and a start waiting for a dependency that is starting is logged as refused)',
    breakModel: toggle('onItsWay'),
    givesAway: 'restarts of editor = 1: got 2',
  },
  {
    rule: 'R8',
    file: 'scenarios/redox/r8-graceful-restart-dependents.yaml',
    breaks: 'saving ignores the storage path: editor "saves" through redoxfs to an ahcid that is down',
    breakModel: toggle('storagePath'),
    givesAway: 'lost data bytes = 2650000: got 0',
  },
  {
    rule: 'R8',
    file: 'scenarios/redox/r8-graceful-saves-in-dependency-order.yaml',
    breaks: 'the user monitor stops its services all at once (the shutdown_order: simultaneous flaw): syncd is gone before notes has saved',
    mutate: (s) => { s.system.shutdownOrder = 'simultaneous'; },
    givesAway: 'lost data bytes = 0: got 2800000',
  },
];

describeTeeth('RFC scenarios have teeth: break the rule and the scenario fails', TEETH);

describe('the RFC teeth', () => {
  test('at least five rules are covered', () => {
    expect(new Set(TEETH.map((t) => t.rule)).size).toBeGreaterThanOrEqual(5);
  });
});
