import type { LifecycleState } from '../trace/records.js';
import { DEFAULT_SYSTEMD_VERSION } from './on-failure.js';
import type { RecoveryPolicy } from './types.js';
import type { SystemView } from './system-view.js';

/**
 * systemd BindsTo= and PartOf= as the jobs they add (src/core/unit-dependency-atom.c,
 * src/core/transaction.c, src/core/unit.c). X declares `BindsTo=Y` or
 * `PartOf=Y`; Y then has X as BoundBy= or ConsistsOf=:
 * - BoundBy= carries UNIT_ATOM_RETROACTIVE_STOP_ON_STOP: when Y goes down on
 *   its own (no job asked for it), unit_notify() calls
 *   retroactively_stop_dependencies(), which enqueues a stop job for X.
 *   ConsistsOf= (PartOf=) does not: X keeps running.
 * - Both carry UNIT_ATOM_PROPAGATE_STOP and UNIT_ATOM_PROPAGATE_RESTART: a stop
 *   job for Y adds a stop job for X, and a restart job for Y (or the start job
 *   of Y's automatic restart, enqueued with JOB_RESTART_DEPENDENCIES,
 *   service_enter_restart()) adds a try-restart for X
 *   (transaction_add_job_and_dependencies(): "We propagate RESTART only as
 *   TRY_RESTART, in order not to start dependencies that are not around").
 * - A try-restart collapses to nothing unless X is active or activating
 *   (job_type_collapse(): `if (!UNIT_IS_ACTIVE_OR_ACTIVATING(s)) return JOB_NOP`).
 * Jobs propagate from the units they reach, in the same transaction.
 * These functions are pure: they say which jobs arise; the model applies them.
 */

export type BindingRelation = 'BindsTo' | 'PartOf' | 'Requires' | 'Requisite';

export interface BindingJob {
  kind: 'stop' | 'try-restart';
  /** The unit the job is for. */
  component: string;
  /** The unit whose job (or end) propagated to it, and the relation that carried it. */
  from: string;
  relation: BindingRelation;
}

/** Active or activating, for a try-restart: a process exists and is not being stopped. */
export function isActiveOrActivating(state: LifecycleState): boolean {
  return state === 'starting' || state === 'running' || state === 'hung';
}

/**
 * The units that declare BindsTo=, Requires=, Requisite= or PartOf= on `unit`,
 * in declaration order, each with one relation (BindsTo= first: only it stops
 * retroactively; the others propagate stop and restart jobs alike:
 * RequiredBy=, RequisiteOf=, ConsistsOf= carry UNIT_ATOM_PROPAGATE_STOP and
 * UNIT_ATOM_PROPAGATE_RESTART, unit-dependency-atom.c).
 */
export function unitsBoundTo(unit: string, system: SystemView): { name: string; relation: BindingRelation }[] {
  const out: { name: string; relation: BindingRelation }[] = [];
  for (const name of system.boundTo(unit)) {
    const view = system.get(name);
    const policy = view?.policy;
    if (policy?.bindsTo?.includes(unit)) out.push({ name, relation: 'BindsTo' });
    else if (view?.requires?.includes(unit)) out.push({ name, relation: 'Requires' });
    else if (view?.requisite?.includes(unit)) out.push({ name, relation: 'Requisite' });
    else if (policy?.partOf?.includes(unit)) out.push({ name, relation: 'PartOf' });
  }
  return out;
}

/**
 * Walks the propagation from `origin` breadth first; `first` filters the
 * relations of the first step. With `originHasJob` false (it went down on its
 * own) a job may come back to the origin itself: a stop job then cancels its
 * pending automatic restart.
 */
function propagate(origin: string, kind: BindingJob['kind'], system: SystemView, first: (r: BindingRelation) => boolean, originHasJob = true): BindingJob[] {
  const jobs: BindingJob[] = [];
  const seen = new Set(originHasJob ? [origin] : []);
  const queue = [origin];
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head]!;
    for (const { name, relation } of unitsBoundTo(from, system)) {
      if (seen.has(name) || (head === 0 && !first(relation))) continue;
      seen.add(name);
      // A try-restart of a unit that is not active or activating is a no-op, and a no-op propagates nothing.
      if (kind === 'try-restart' && !isActiveOrActivating(system.get(name)!.state)) continue;
      jobs.push({ kind, component: name, from, relation });
      queue.push(name);
    }
  }
  return jobs;
}

/**
 * `unit` went down on its own: BindsTo= units are stopped (retroactively), and
 * their stop jobs propagate on, to `unit` itself too (target BindsTo=service,
 * service PartOf=target: the service's pending restart is cancelled).
 */
export function retroactiveStopJobs(unit: string, system: SystemView): BindingJob[] {
  return propagate(unit, 'stop', system, (r) => r === 'BindsTo', false);
}

/** A stop job for `unit` (a policy's, an operator's, a dependency's): BindsTo= and PartOf= units get stop jobs too. */
export function stopJobs(unit: string, system: SystemView): BindingJob[] {
  return propagate(unit, 'stop', system, () => true);
}

/** A restart of `unit` (a restart job, or its automatic restart): active BindsTo= and PartOf= units are try-restarted. */
export function restartJobs(unit: string, system: SystemView): BindingJob[] {
  return propagate(unit, 'try-restart', system, () => true);
}

/**
 * The first systemd whose RestartMode=direct automatic restart is a plain
 * start: PR #34768 ("core/service: don't propagate stop jobs if
 * RestartMode=direct", fixing issue #34758, seen on 255.12), released in v257.
 * service_enter_restart() (src/core/service.c) then enqueues JOB_START with
 * JOB_REPLACE in direct mode; through v256 it enqueues it with
 * JOB_RESTART_DEPENDENCIES in both modes, so BindsTo=/PartOf=/Requires= units
 * were stopped and started again even in direct mode.
 */
export const DIRECT_RESTART_IS_PLAIN_START_SINCE = 257;

/**
 * Whether a restart of this unit propagates try-restarts to the units bound
 * to it. A restart job asked for from outside (systemctl restart) always does
 * (JOB_RESTART, whatever RestartMode= says); its automatic restart does unless
 * RestartMode=direct under systemd 257 or later.
 */
export function restartPropagates(policy: RecoveryPolicy, automatic: boolean): boolean {
  if (!automatic || policy.restartMode !== 'direct') return true;
  return (policy.systemdVersion ?? DEFAULT_SYSTEMD_VERSION) < DIRECT_RESTART_IS_PLAIN_START_SINCE;
}
