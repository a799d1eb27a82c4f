import { US_PER_MS, US_PER_S, type Micros } from '../engine/time.js';
import type { RecordType } from '../trace/records.js';
import { ScenarioProblem, type FieldPath } from '../format/errors.js';
import { FAULT_KINDS } from '../faults/registry.js';
import { checkFieldsBelongTo, fieldsOf } from '../faults/schema.js';
import type { FaultKindModule } from '../faults/types.js';
import type { ComponentInput, ExpectInput, FaultInput, ScenarioInput } from './schema.js';
import { resolvePolicy } from '../policy/fields/resolve.js';
import { NO_PROBES, resolveProbes } from './probes.js';
import { resolveDepends, type QuorumSpec } from './quorum.js';
import { NO_EDGES, resolveEdges } from './edges.js';
import { resolveCondition } from '../faults/condition.js';
import type { ComponentSpec, Expectations, FaultSpec, FaultTrigger, RecordPattern, Scenario, SystemConfig } from './types.js';
import { isParseError, parseByteRate, parseDuration, parseRate, type Parsed } from './units.js';

/** Defaults, each with where its number comes from. */
export const DEFAULTS = {
  seed: 1,
  eventBudget: 5_000_000,
  startLatencyUs: 100 * US_PER_MS,
  stopLatencyUs: 50 * US_PER_MS,
  stopTimeoutUs: 5 * US_PER_S, // RFC-0110: default stop timeout 5 s
  killTimeoutUs: 1 * US_PER_S, // RFC-0110: kill timeout 1 s
  resetDelayUs: 1 * US_PER_S,
  heartbeatPeriodUs: 0, // off unless a scenario asks (Redox RFC: about every 3 s)
  shimDelayUs: 2 * US_PER_S, // shutdown-shim SERVICE_CONNECTION_TIMEOUT (src/power/shutdown-shim/main.cc): its wait for the power manager
  rebootCallTimeoutUs: 10 * US_PER_S, // no source, and unused by the model (component_manager has no such timeout); the checkers' bounds add it
  callTimeoutUs: 50 * US_PER_MS, // Redox RFC: a timeout of about 50 ms on a monitor-to-service call
  authorizedRealms: ['/core', '/core/network'], // RFC-0110: the allowlist "will consist of the core and network realms" 
} as const;

function unit<T>(value: Parsed<T>, path: FieldPath): T {
  if (isParseError(value)) throw new ScenarioProblem(path, value.error);
  return value;
}

function durationAt(text: string | undefined, fallback: Micros, path: FieldPath): Micros {
  return text === undefined ? fallback : unit(parseDuration(text), path);
}

function resolveSystem(input: ScenarioInput['system']): SystemConfig {
  const s = input ?? {};
  const p = (field: string): FieldPath => ['system', field];
  return {
    stopTimeoutUs: durationAt(s.stop_timeout, DEFAULTS.stopTimeoutUs, p('stop_timeout')),
    killTimeoutUs: durationAt(s.kill_timeout, DEFAULTS.killTimeoutUs, p('kill_timeout')),
    resetDelayUs: durationAt(s.reset_delay, DEFAULTS.resetDelayUs, p('reset_delay')),
    heartbeatPeriodUs: durationAt(s.heartbeat_period, DEFAULTS.heartbeatPeriodUs, p('heartbeat_period')),
    shimDelayUs: durationAt(s.shim_delay, DEFAULTS.shimDelayUs, p('shim_delay')),
    rebootCallTimeoutUs: durationAt(s.reboot_call_timeout, DEFAULTS.rebootCallTimeoutUs, p('reboot_call_timeout')),
    checkShutdownBeforeReboot: s.check_shutdown_before_reboot ?? true,
    shutdownOrder: s.shutdown_order ?? 'dependency',
    onDependencyStop: s.on_dependency_stop ?? 'by-monitor', // R4 is the Redox monitors' default (sim/model/reactors/dependencies.ts)
    callTimeoutUs: durationAt(s.call_timeout, DEFAULTS.callTimeoutUs, p('call_timeout')),
    rebootOnTerminate: {
      enabled: s.reboot_on_terminate?.enabled ?? true,
      allowlist: s.reboot_on_terminate?.allowlist ?? [],
      trigger: s.reboot_on_terminate?.trigger ?? 'any',
      authorizedRealms: s.reboot_on_terminate?.authorized_realms ?? [...DEFAULTS.authorizedRealms],
    },
  };
}

/**
 * How a stop ends: `stop_timeout`, or OTP's child spec `shutdown` (supervisor(3), "Child
 * specification"; supervisor.erl shutdown/2): brutal_kill = exit(Pid, kill) at once; an
 * integer = exit(Pid, shutdown), then kill if no 'DOWN' within that time (the stop timeout's
 * own semantics); infinity = wait for the 'DOWN' however long it takes.
 */
function stopBehaviour(c: ComponentInput, path: (field: string) => FieldPath): { stopTimeoutUs?: Micros; brutalKill?: boolean } {
  if (c.shutdown !== undefined && c.stop_timeout !== undefined) throw new ScenarioProblem(path('shutdown'), 'give one of `shutdown` (OTP) and `stop_timeout`: both set how long a stop may take');
  if (c.shutdown === 'brutal_kill') return { stopTimeoutUs: 0, brutalKill: true };
  if (c.shutdown === 'infinity') return { stopTimeoutUs: Infinity };
  if (c.shutdown !== undefined) return { stopTimeoutUs: unit(parseDuration(c.shutdown), path('shutdown')) };
  return c.stop_timeout === undefined ? NO_FIELDS : { stopTimeoutUs: unit(parseDuration(c.stop_timeout), path('stop_timeout')) };
}

/** No names: the `supervises` of every component that supervises nothing (frozen: resolved specs are read, never changed). */
const NO_NAMES: readonly string[] = Object.freeze([]);

/** Nothing to add: what stopBehaviour gives for a component that sets neither `shutdown` nor `stop_timeout`. */
const NO_FIELDS = Object.freeze({});

/**
 * A resolved component holds only the fields it has: an absent one is left out,
 * not set to undefined (at a million components, seven undefined fields were
 * 56 MB). The fields keep one order, the order the trace writes them in
 * (JSON.stringify leaves out an undefined field, so the trace is the same).
 * The usual component (no quorum, edge, probe, request load, stop behaviour or
 * collection) is one object literal: V8 gives every such component one hidden
 * class with its fields inside the object, where fields added one by one
 * would spill into a separate, growing array of properties.
 */
function resolveComponent(c: ComponentInput, index: number, system: ScenarioInput['system']): ComponentSpec {
  const path = (field: string): FieldPath => ['components', index, field];
  // Resolved in the order the fields were always resolved in: of two bad fields, the same one is reported.
  const resolved = resolveDepends(c.depends, ['components', index]);
  const quorums = resolved.quorums;
  // A dynamic child needs its parent: the collection is the parent's (F2, F3).
  const depends = c.collection && !resolved.depends.includes(c.collection.parent) ? [...resolved.depends, c.collection.parent] : resolved.depends;
  const edges = resolveEdges(c);
  const probes = resolveProbes(c, ['components', index]);
  const startLatencyUs = durationAt(c.start_latency, DEFAULTS.startLatencyUs, path('start_latency'));
  const stopLatencyUs = durationAt(c.stop_latency, DEFAULTS.stopLatencyUs, path('stop_latency'));
  const policy = resolvePolicy(c, system ?? {}, ['components', index]);
  const onTerminate = c.on_terminate ?? 'none';
  const mainProcessCritical = c.main_process_critical ?? false;
  const requests = c.requests && {
    ratePerS: unit(parseRate(c.requests.rate), [...path('requests'), 'rate']) * US_PER_S,
    serviceTimeUs: unit(parseDuration(c.requests.service_time), [...path('requests'), 'service_time']),
    clients: c.requests.clients ?? 'block',
    mode: c.requests.mode ?? 'arithmetic',
  };
  const stop = stopBehaviour(c, path);
  const supervises = c.supervises ?? (NO_NAMES as string[]);
  const onReceive = c.on_receive ?? 'start';
  const stormGuardUs = c.storm_guard === undefined ? undefined : unit(parseDuration(c.storm_guard), path('storm_guard'));
  const callCheckEveryUs = c.call_check === undefined ? undefined : unit(parseDuration(c.call_check.every), [...path('call_check'), 'every']);
  const callTimeoutUs = c.call_check?.timeout === undefined ? undefined : unit(parseDuration(c.call_check.timeout), [...path('call_check'), 'timeout']);
  const dirtyData = c.dirty_data && {
    writeBytesPerS: unit(parseByteRate(c.dirty_data.write_rate), [...path('dirty_data'), 'write_rate']),
    flushEveryUs: unit(parseDuration(c.dirty_data.flush_every), [...path('dirty_data'), 'flush_every']),
    ...(c.dirty_data.store !== undefined ? { store: c.dirty_data.store } : {}),
  };

  let spec: ComponentSpec;
  const usual = quorums.length === 0 && edges === NO_EDGES && probes === NO_PROBES && requests === undefined && stop === NO_FIELDS && c.collection === undefined;
  if (usual && c.monitor === undefined) {
    spec = { name: c.name, kind: c.kind ?? 'service', depends, startLatencyUs, stopLatencyUs, policy, onTerminate, mainProcessCritical, supervises, onReceive };
  } else if (usual) {
    spec = { name: c.name, kind: c.kind ?? 'service', depends, monitor: c.monitor, startLatencyUs, stopLatencyUs, policy, onTerminate, mainProcessCritical, supervises, onReceive };
  } else {
    spec = { name: c.name, kind: c.kind ?? 'service', depends } as ComponentSpec;
    if (quorums.length > 0) spec.quorums = quorums as QuorumSpec[];
    Object.assign(spec, edges, probes);
    if (c.monitor !== undefined) spec.monitor = c.monitor;
    spec.startLatencyUs = startLatencyUs;
    spec.stopLatencyUs = stopLatencyUs;
    spec.policy = policy;
    spec.onTerminate = onTerminate;
    spec.mainProcessCritical = mainProcessCritical;
    if (requests !== undefined) spec.requests = requests;
    Object.assign(spec, stop);
    if (c.collection !== undefined) spec.collection = c.collection;
    spec.supervises = supervises;
    spec.onReceive = onReceive;
  }
  if (c.on_core_failure !== undefined) spec.onCoreFailure = c.on_core_failure;
  if (stormGuardUs !== undefined) spec.stormGuardUs = stormGuardUs;
  if (callCheckEveryUs !== undefined) spec.callCheckEveryUs = callCheckEveryUs;
  if (callTimeoutUs !== undefined) spec.callTimeoutUs = callTimeoutUs;
  if (c.source) spec.source = { at: c.source.at, fields: c.source.fields ?? {} };
  if (dirtyData !== undefined) spec.dirtyData = dirtyData;
  return spec;
}


function resolveTrigger(f: FaultInput, path: FieldPath, durationUs: Micros): FaultTrigger {
  const given = (['at', 'when', 'rate'] as const).filter((k) => f[k] !== undefined);
  if (given.length !== 1) {
    throw new ScenarioProblem(path, given.length === 0
      ? 'a fault needs one trigger: `at: 30s`, `when: <record type>` or `rate: 6/h`'
      : `a fault takes one trigger, found ${given.map((k) => `\`${k}\``).join(' and ')}`);
  }
  const misplaced = (field: 'after' | 'times' | 'from' | 'until', owner: string): void => {
    if (f[field] !== undefined) throw new ScenarioProblem([...path, field], `\`${field}\` only applies with \`${owner}\``);
  };
  if (f.at !== undefined) {
    for (const field of ['after', 'times'] as const) misplaced(field, 'when');
    for (const field of ['from', 'until'] as const) misplaced(field, 'rate');
    return { kind: 'at', atUs: unit(parseDuration(f.at), [...path, 'at']) };
  }
  if (f.when !== undefined) {
    for (const field of ['from', 'until'] as const) misplaced(field, 'rate');
    const when = typeof f.when === 'string' ? { record: f.when } : f.when;
    return {
      kind: 'when',
      record: when.record as RecordType,
      component: 'component' in when ? when.component : undefined,
      afterUs: durationAt(f.after, 0, [...path, 'after']),
      times: f.times ?? 1,
    };
  }
  for (const field of ['after', 'times'] as const) misplaced(field, 'when');
  return {
    kind: 'rate',
    perUs: unit(parseRate(f.rate!), [...path, 'rate']),
    fromUs: durationAt(f.from, 0, [...path, 'from']),
    untilUs: durationAt(f.until, durationUs, [...path, 'until']),
  };
}

function resolveFault(f: FaultInput, index: number, durationUs: Micros, system: ScenarioInput['system']): FaultSpec {
  const path: FieldPath = ['faults', index];
  const fields = f as Readonly<Record<string, unknown>>;
  const kinds = (FAULT_KINDS as readonly FaultKindModule[]).filter((m) => fields[m.key] !== undefined);
  if (kinds.length !== 1) {
    throw new ScenarioProblem(path, kinds.length === 0
      ? `a fault needs a kind and its target, e.g. \`crash: netstack\` (kinds: ${FAULT_KINDS.map((m) => m.key).join(', ')})`
      : `a fault has one kind, found ${kinds.map((m) => m.key).join(' and ')}`);
  }
  const kind = kinds[0]!;
  checkFieldsBelongTo(kind, fields, path);
  // A bad trigger is reported before a bad kind field (an override's policy), as it always was.
  const trigger = resolveTrigger(f, path, durationUs);
  const spec = kind.resolve({ value: fields[kind.key], fields: fieldsOf(kind, fields) }, path, { system: system ?? {} });
  const condition = f.while === undefined ? undefined : resolveCondition(f.while, [...path, 'while']);
  return { ...spec, trigger, ...(condition ? { condition } : {}) } as FaultSpec;
}

function resolvePattern(p: Record<string, unknown>): RecordPattern {
  const { type, component, ...fields } = p;
  return { type: type as RecordType, component: component as string | undefined, fields: fields as RecordPattern['fields'] };
}

function resolveExpect(e: ExpectInput | undefined): Expectations | undefined {
  if (!e) return undefined;
  let restarts: Expectations['restarts'];
  if (typeof e.restarts === 'number') restarts = { total: e.restarts, byComponent: {} };
  else if (e.restarts) {
    const { total, ...byComponent } = e.restarts;
    restarts = { total, byComponent };
  }
  return {
    reboots: e.reboots,
    restarts,
    finalStates: e.final_states,
    violations: e.violations,
    lostRequests: e.lost_requests,
    lostDataBytes: e.lost_data_bytes,
    availablePercent: e.available_percent,
    upPercent: e.up_percent,
    outcome: e.outcome,
    records: e.records?.map(resolvePattern),
    absent: e.absent?.map(resolvePattern),
  };
}

/** Turns a shape-checked scenario file into the resolved plain data the model runs. */
export function resolveScenario(input: ScenarioInput): Scenario {
  const durationUs = unit(parseDuration(input.duration), ['duration']);
  return {
    name: input.name,
    description: input.description ?? '',
    durationUs,
    healUs: input.heal === undefined ? undefined : unit(parseDuration(input.heal), ['heal']),
    seed: input.seed ?? DEFAULTS.seed,
    eventBudget: input.event_budget ?? DEFAULTS.eventBudget,
    system: resolveSystem(input.system),
    components: input.components.map((c, i) => resolveComponent(c, i, input.system)),
    faults: (input.faults ?? []).map((f, i) => resolveFault(f, i, durationUs, input.system)),
    expect: resolveExpect(input.expect),
  };
}
