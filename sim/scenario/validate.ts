import { INVARIANTS } from '../checks/invariants/index.js';
import { DURATION, UNIT_US } from '../engine/time.js';
import { ScenarioProblem, type FieldPath } from '../format/errors.js';
import type { ScenarioInput } from './schema.js';
import { checkPolicyReferences } from './policy-references.js';
import { faultKindOf } from '../faults/registry.js';
import { componentIndex } from './component-index.js';
import { edgesByPosition, findCycleAt, type EdgesByPosition } from './graph.js';
import { plainDependsPath, quorumPath } from './quorum.js';
import { edgeReferences } from './edges.js';
import { isPattern, matchesAllowlistEntry, realmOf } from './realm.js';
import type { ComponentSpec, Scenario } from './types.js';

const MONITOR_KINDS = new Set(['monitor', 'component-manager', 'supervisor']);
const MONITOR_KIND_LIST: readonly string[] = [...MONITOR_KINDS];

/**
 * The largest system recsim runs: a million components boot and run a
 * virtual minute in about 2.7 GB (`npm run bench`, figure (d) scaled up);
 * beyond it a run would risk the default Node heap, so it is refused before
 * it starts.
 */
export const MAX_COMPONENTS = 1_000_000;


/**
 * Checks the file as written, before it is resolved, for what resolving would
 * hide: a duration that rounds to 0 µs (`heartbeat_period: 0.4us` would turn
 * heartbeats off without a word), and fields that contradict each other.
 */
export function validateInput(input: ScenarioInput): void {
  // Most files have no such duration: a walk that keeps no path says so, and only a file that has one is walked again for its path.
  if (anyRoundsToZero(input)) checkRoundsToZero(input, []);
  (input.faults ?? []).forEach((f, i) => {
    const fault = f as Record<string, unknown>;
    if (fault.exit_code !== undefined && fault.signal !== undefined) {
      throw new ScenarioProblem(['faults', i, 'exit_code'], 'a process dies either with an exit code or of a signal: keep `exit_code` or `signal`, not both', true);
    }
  });
}

/** A field path built only when a problem is found: each step names its parent (no array copied per value walked). */
interface PathStep {
  readonly parent?: PathStep;
  readonly key: string | number;
}

function pathOf(step: PathStep | undefined, base: FieldPath): FieldPath {
  const keys: (string | number)[] = [];
  for (let at = step; at !== undefined; at = at.parent) keys.push(at.key);
  return [...base, ...keys.reverse()];
}

/** Finds a duration written as more than zero that is less than recsim's time unit (1 µs). */
function checkRoundsToZero(node: unknown, path: FieldPath): void {
  // An explicit stack: the input is a tree of plain data, walked without recursion. Three parallel
  // stacks (value, parent step, key) and a path step per container, not per value: a million
  // components have a few million values.
  const values: unknown[] = [node];
  const parents: (PathStep | undefined)[] = [undefined];
  const keys: (string | number | undefined)[] = [undefined];
  while (values.length > 0) {
    const value = values.pop();
    const parent = parents.pop();
    const key = keys.pop();
    if (typeof value === 'string') {
      const last = key === undefined ? path.at(-1) : key;
      if (last === 'name' || last === 'description') continue;
      if (roundsToZero(value)) {
        const at = key === undefined ? undefined : { parent, key };
        throw new ScenarioProblem(pathOf(at, path), `"${value}" rounds to 0us (recsim counts time in whole microseconds): write at least 1us${last === 'heartbeat_period' ? ', or 0s to turn heartbeats off' : ''}`);
      }
    } else if (value !== null && typeof value === 'object') {
      const at: PathStep | undefined = key === undefined ? undefined : { parent, key };
      const push = (v: unknown, k: string | number): void => {
        values.push(v);
        parents.push(at);
        keys.push(k);
      };
      if (Array.isArray(value)) for (let k = 0; k < value.length; k++) push(value[k], k);
      else for (const k in value) if (Object.hasOwn(value, k)) push((value as Record<string, unknown>)[k], k);
    }
  }
}

/** Whether a text is a duration of more than zero that is less than 1 µs. */
function roundsToZero(value: string): boolean {
  // A duration starts with a digit or a space (DURATION): a name such as c123 is not matched against it.
  const first = value.charCodeAt(0);
  if (first < 0x80 && !(first >= 0x30 && first <= 0x39) && first !== 0x20 && !(first >= 0x09 && first <= 0x0d)) return false;
  const match = DURATION.exec(value);
  return match !== null && Number(match[1]) > 0 && Math.round(Number(match[1]) * (UNIT_US[match[2]!] ?? 0)) === 0;
}

/** Whether `checkRoundsToZero` would find a problem in `node` (the input as a whole): the same walk, keeping no path. */
function anyRoundsToZero(node: unknown): boolean {
  const values: unknown[] = [node];
  const keys: (string | number | undefined)[] = [undefined];
  while (values.length > 0) {
    const value = values.pop();
    const key = keys.pop();
    if (typeof value === 'string') {
      if (key !== 'name' && key !== 'description' && roundsToZero(value)) return true;
    } else if (value !== null && typeof value === 'object') {
      if (Array.isArray(value)) {
        for (let k = 0; k < value.length; k++) {
          values.push(value[k]);
          keys.push(k);
        }
      } else {
        for (const k in value) {
          if (!Object.hasOwn(value, k)) continue;
          values.push((value as Record<string, unknown>)[k]);
          keys.push(k);
        }
      }
    }
  }
  return false;
}

const INVARIANT_IDS = new Set(INVARIANTS.map((inv) => inv.id));

/**
 * Checks the references between fields of a resolved scenario and throws the
 * first problem found, with the path of the field to change. Runs before the
 * simulation, so a bad file never starts a run (F12: a dependency cycle is
 * reported before the run, naming the cycle).
 */
export function validateScenario(s: Scenario): void {
  if (s.components.length > MAX_COMPONENTS) {
    throw new ScenarioProblem(['components'], `${s.components.length.toLocaleString('en')} components exceed recsim's limit of ${MAX_COMPONENTS.toLocaleString('en')} (about 2.7 GB of memory per million)`);
  }
  if (s.durationUs === 0) throw new ScenarioProblem(['duration'], 'a run of 0s simulates nothing: give a duration such as "1min"');
  s.components.forEach((c, i) => {
    const at = (...rest: string[]): FieldPath => ['components', i, ...rest];
    if (c.requests && c.requests.ratePerS === 0) throw new ScenarioProblem(at('requests', 'rate'), 'a request rate of 0 sends no requests: give a rate such as "10/s", or drop `requests`');
    if (c.requests && c.requests.serviceTimeUs === 0) throw new ScenarioProblem(at('requests', 'service_time'), 'a request takes some time to serve: give at least 1us');
    if (c.dirtyData && c.dirtyData.flushEveryUs === 0) throw new ScenarioProblem(at('dirty_data', 'flush_every'), 'data cannot be flushed every 0s: give a period such as "5s"');
    if (c.callCheckEveryUs === 0) throw new ScenarioProblem(at('call_check', 'every'), 'a monitor cannot call its children every 0s: give a period such as "1s"');
    if (c.callTimeoutUs === 0) throw new ScenarioProblem(at('call_check', 'timeout'), 'a call cannot time out after 0s: give a timeout such as "50ms"');
  });
  // The shared index (the first of two components with one name keeps its position): fewer names than components means a duplicate.
  const index = componentIndex(s.components);
  if (index.size !== s.components.length) {
    s.components.forEach((c, i) => {
      const first = index.get(c.name)!;
      if (first !== i) throw new ScenarioProblem(['components', i, 'name'], `duplicate component "${c.name}" (first declared at components[${first}])`);
    });
  }
  const known = (name: string | undefined, path: (string | number)[], atKey = false): void => {
    if (name !== undefined && !index.has(name)) throw new ScenarioProblem(path, `unknown component "${name}"`, atKey);
  };

  // Collection parents first: resolve added each parent to its children's `depends`, which the user did not write.
  s.components.forEach((c, i) => known(c.collection?.parent, ['components', i, 'collection', 'parent']));
  // Each dependency is looked up once, here: its position serves the roles' check and the cycle search below.
  const dependsAt = edgesByPosition(s.components, index);
  s.components.forEach((c, i) => {
    for (let k = 0, e = dependsAt.first[i]!; k < c.depends.length; k++, e++) {
      if (dependsAt.targets[e]! < 0) known(c.depends[k], [...plainDependsPath(['components', i], c.quorums, k)]);
      if (c.depends[k] === c.name) throw new ScenarioProblem(plainDependsPath(['components', i], c.quorums, k), `"${c.name}" cannot depend on itself`);
    }
    (c.quorums ?? []).forEach((q) => {
      q.of.forEach((m, j) => {
        const at = [...quorumPath(['components', i], q), 'of', j];
        known(m, at);
        if (m === c.name) throw new ScenarioProblem(at, `"${c.name}" cannot be in its own quorum`);
      });
    });
    for (const ref of edgeReferences(c, ['components', i])) {
      known(ref.name, [...ref.path]);
      if (ref.name === c.name) throw new ScenarioProblem(ref.path, `"${c.name}" cannot name itself in \`${ref.field}\``);
    }
    if (c.dirtyData?.store !== undefined) {
      known(c.dirtyData.store, ['components', i, 'dirty_data', 'store']);
      if (c.dirtyData.store === c.name) throw new ScenarioProblem(['components', i, 'dirty_data', 'store'], `"${c.name}" cannot save to itself: name the component its data goes to, or drop store`);
    }
    if (c.monitor !== undefined) {
      known(c.monitor, ['components', i, 'monitor']);
      const monitor = s.components[index.get(c.monitor)!]!;
      if (!MONITOR_KINDS.has(monitor.kind)) {
        throw new ScenarioProblem(['components', i, 'monitor'], `"${c.monitor}" is a ${monitor.kind}, not a monitor (kind monitor, component-manager or supervisor)`);
      }
      if (c.monitor === c.name) throw new ScenarioProblem(['components', i, 'monitor'], `"${c.name}" cannot monitor itself`);
    }
    if (c.onTerminate === 'reboot' && !s.system.rebootOnTerminate.authorizedRealms.includes(realmOf(c.name))) {
      throw new ScenarioProblem(['components', i, 'on_terminate'],
        `on_terminate: reboot is a restricted feature and realm "${realmOf(c.name)}" is not authorised for it ` +
        `(authorised: ${s.system.rebootOnTerminate.authorizedRealms.join(', ') || 'none'}; add the realm to system.reboot_on_terminate.authorized_realms)`);
    }
  });

  s.components.forEach((c, i) => validateRoles(s, c, i, dependsAt, known));
  checkMonitorCycles(s, index);

  checkPolicyReferences(s);

  // F12: a quorum member is a dependency like any other for cycles (and for the shutdown order);
  // so is an ordering edge (`after`): a cycle of them could never start (systemd breaks one by deleting a job).
  // Names are unique by now, so the shared index gives each node's position (the nodes are the components, in order).
  const orderingEdges = s.components.some((c) => c.quorums !== undefined || c.after !== undefined);
  const nodes = orderingEdges ? s.components.map((c) => ({ name: c.name, depends: [...c.depends, ...(c.quorums ?? []).flatMap((q) => q.of), ...(c.after ?? [])] })) : s.components;
  const edges = orderingEdges ? edgesByPosition(nodes, index) : dependsAt;
  const cycle = findCycleAt(edges.first, edges.targets)?.map((at) => s.components[at]!.name);
  if (cycle) {
    const at = index.get(cycle[0]!)!;
    const next = cycle[1];
    const field = next !== undefined && !s.components[at]!.depends.includes(next) && (s.components[at]!.after ?? []).includes(next) ? 'after' : 'depends';
    throw new ScenarioProblem(['components', at, field], `${field === 'after' ? 'ordering' : 'dependency'} cycle: ${cycle.join(' -> ')}`);
  }

  s.system.rebootOnTerminate.allowlist.forEach((entry, k) => {
    const path = ['system', 'reboot_on_terminate', 'allowlist', k];
    if (isPattern(entry)) {
      if (!s.components.some((c) => matchesAllowlistEntry(c.name, entry))) {
        throw new ScenarioProblem(path, `allowlist pattern "${entry}" matches no component`);
      }
    } else if (!index.has(entry)) {
      throw new ScenarioProblem(path, `unknown moniker "${entry}" in the allowlist`);
    }
  });

  if (s.healUs !== undefined && s.healUs > s.durationUs) throw new ScenarioProblem(['heal'], 'the heal phase starts after the end of the run (see `duration`)');
  s.faults.forEach((f, i) => {
    const kind = faultKindOf(f.fault);
    known(f.target, ['faults', i, kind.key]);
    if (f.trigger.kind === 'at' && s.healUs !== undefined && f.trigger.atUs >= s.healUs) {
      throw new ScenarioProblem(['faults', i, 'at'], 'this fault is scheduled in the heal phase, where no fault is injected (see `heal`)');
    }
    if (kind.notAtRate !== undefined && f.trigger.kind === 'rate') throw new ScenarioProblem(['faults', i, 'rate'], kind.notAtRate);
    if (f.trigger.kind === 'when') known(f.trigger.component, ['faults', i, 'when', 'component']);
    if (f.condition) known(f.condition.component, ['faults', i, 'while', 'component']);
    if (f.trigger.kind === 'rate') {
      if (f.trigger.perUs === 0) throw new ScenarioProblem(['faults', i, 'rate'], 'a rate of 0 injects nothing: give a rate such as "6/h", or remove the fault');
      if (f.trigger.fromUs >= s.durationUs) throw new ScenarioProblem(['faults', i, 'from'], 'this fault may arrive only after the end of the run (see `duration`)');
      if (f.trigger.fromUs >= f.trigger.untilUs) throw new ScenarioProblem(['faults', i, 'until'], '`until` must come after `from`: no fault could arrive in between');
    }
    if (f.fault === 'override') {
      const policy = (f as { policy?: { bindsTo?: readonly string[]; partOf?: readonly string[] } }).policy;
      for (const [field, list] of [['binds_to', policy?.bindsTo], ['part_of', policy?.partOf]] as const) {
        (list ?? []).forEach((name, k) => {
          known(name, ['faults', i, field, k]);
          if (name === f.target) throw new ScenarioProblem(['faults', i, field, k], `"${name}" cannot refer to itself`);
        });
      }
    }
    if (f.trigger.kind === 'at' && f.trigger.atUs > s.durationUs) {
      throw new ScenarioProblem(['faults', i, 'at'], 'this fault is scheduled after the end of the run (see `duration`)');
    }
  });

  if (s.expect) {
    if (Array.isArray(s.expect.violations)) {
      s.expect.violations.forEach((id, k) => {
        if (!INVARIANT_IDS.has(id)) throw new ScenarioProblem(['expect', 'violations', k], `unknown invariant "${id}" (invariants: ${[...INVARIANT_IDS].join(', ')})`);
      });
    }
    for (const name of Object.keys(s.expect.finalStates ?? {})) known(name, ['expect', 'final_states', name], true);
    for (const name of Object.keys(s.expect.restarts?.byComponent ?? {})) known(name, ['expect', 'restarts', name], true);
    s.expect.records?.forEach((r, k) => known(r.component, ['expect', 'records', k, 'component']));
    s.expect.absent?.forEach((r, k) => known(r.component, ['expect', 'absent', k, 'component']));
  }
}

type Known = (name: string | undefined, path: (string | number)[], atKey?: boolean) => void;

/** Fields that only make sense on some kinds of component, and the Fuchsia collection rules. */
function validateRoles(s: Scenario, c: ComponentSpec, i: number, dependsAt: EdgesByPosition, known: Known): void {
  onlyOn(c, i, 'supervises', c.supervises.length > 0, SUPERVISOR_KIND);
  onlyOn(c, i, 'on_core_failure', c.onCoreFailure !== undefined, MONITOR_KIND);
  onlyOn(c, i, 'storm_guard', c.stormGuardUs !== undefined, MONITOR_KIND_LIST);
  onlyOn(c, i, 'call_check', c.callCheckEveryUs !== undefined, MONITOR_KIND_LIST);
  c.supervises.forEach((name, k) => {
    known(name, ['components', i, 'supervises', k]);
    if (name === c.name) throw new ScenarioProblem(['components', i, 'supervises', k], `"${c.name}" cannot supervise itself`);
  });
  if (c.collection) {
    known(c.collection.parent, ['components', i, 'collection', 'parent']);
    if (c.collection.parent === c.name) throw new ScenarioProblem(['components', i, 'collection', 'parent'], `"${c.name}" cannot be in its own collection`);
  }
  // A dynamic child does not exist when the static topology is built: nothing outside its own collection can depend on it.
  for (let k = 0, e = dependsAt.first[i]!; k < c.depends.length; k++, e++) {
    const dep = s.components[dependsAt.targets[e]!]!;
    if (dep.collection && dep.collection.parent !== c.collection?.parent) {
      throw new ScenarioProblem(plainDependsPath(['components', i], c.quorums, k),
        `"${c.depends[k]}" is a dynamic child in a collection of "${dep.collection.parent}"; a dependency on it cannot exist outside that collection`);
    }
  }
}

const SUPERVISOR_KIND: readonly string[] = ['supervisor'];
const MONITOR_KIND: readonly string[] = ['monitor'];

/** A field that only some kinds of component may set. */
function onlyOn(c: ComponentSpec, i: number, field: string, present: boolean, kinds: readonly string[]): void {
  if (present && !kinds.includes(c.kind)) {
    throw new ScenarioProblem(['components', i, field], `\`${field}\` applies to a ${kinds.join(' or ')}, and "${c.name}" is a ${c.kind}`);
  }
}

/**
 * Monitors that monitor each other (m1 by m2, m2 by m1) wait for each other
 * to start, so the system never boots: every chain of `monitor` must end at
 * init. Each component has at most one monitor, so following the chain
 * with a visited set finds any loop without recursion.
 */
function checkMonitorCycles(s: Scenario, index: ReadonlyMap<string, number>): void {
  // By position, not by name: a million components walk their chains without a set of names.
  const settled = new Uint8Array(s.components.length);
  const onChain = new Uint8Array(s.components.length);
  for (let start = 0; start < s.components.length; start++) {
    const chain: number[] = [];
    let at: number | undefined = start;
    while (at !== undefined && !settled[at]) {
      if (onChain[at]) {
        const loop = [...chain.slice(chain.indexOf(at)), at].map((c) => s.components[c]!.name);
        throw new ScenarioProblem(['components', at, 'monitor'],
          `monitor cycle: ${loop.join(' is monitored by ')}; the system could never boot: let one of them be monitored by init (drop its \`monitor\`)`);
      }
      chain.push(at);
      onChain[at] = 1;
      const monitor: string | undefined = s.components[at]!.monitor;
      at = monitor === undefined ? undefined : index.get(monitor);
    }
    for (const c of chain) {
      settled[c] = 1;
      onChain[c] = 0;
    }
  }
}
