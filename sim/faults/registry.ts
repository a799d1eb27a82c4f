import type { ArmedFaultHooks, FaultCommand } from './commands.js';
import { crash } from './kinds/crash.js';
import { destroy } from './kinds/destroy.js';
import { exit } from './kinds/exit.js';
import { failStart } from './kinds/fail_start.js';
import { hang } from './kinds/hang.js';
import { ignoreStop } from './kinds/ignore_stop.js';
import { kill } from './kinds/kill.js';
import { operator } from './kinds/operator.js';
import { override } from './kinds/override.js';
import { rebootCallFails } from './kinds/reboot_call_fails.js';
import { shutdown } from './kinds/shutdown.js';
import { slowStart } from './kinds/slow_start.js';
import type { FaultAt, FaultKindModule, FaultSpecBase } from './types.js';

/**
 * The fault-kind registry: every list of fault kinds (the file schema, the
 * trace's kind names, the model's dispatch, explore's vocabulary, the README
 * table, CLI help) is derived from this one. A new kind is a module in
 * kinds/, imported and listed here.
 *
 * The order is the order of every derived list; explore draws kinds in it, so
 * moving a kind changes what a seeded search finds: append.
 */
export const FAULT_KINDS = [crash, kill, exit, hang, failStart, ignoreStop, destroy, shutdown, rebootCallFails, override, slowStart, operator] as const;

type Registered = (typeof FAULT_KINDS)[number];
type SpecOf<M> = M extends FaultKindModule<infer Spec, infer _Trace, infer _Key> ? Spec : never;
type TraceOf<M> = M extends FaultKindModule<infer _Spec, infer Trace, infer _Key> ? Trace : never;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** A fault kind in trace spelling: `fail-start`. */
export type FaultKind = Registered['kind'];
/** A fault kind in file spelling: `fail_start`. */
export type FaultKey = Registered['key'];
/** A resolved fault without its trigger: one variant per kind, discriminated by `fault`. */
export type FaultKindSpec = SpecOf<Registered>;
/** Every field a `fault` record may carry besides its kind, whichever kind wrote it. */
export type FaultTraceFields = Partial<UnionToIntersection<TraceOf<Registered>>>;

/** A module whose spec type is forgotten: calls through it go through the lookups below, which match spec and module. */
type AnyFaultKind = FaultKindModule<FaultSpecBase, object, string>;

const byKind = new Map<string, AnyFaultKind>();
const byKey = new Map<string, AnyFaultKind>();
for (const module of FAULT_KINDS as readonly AnyFaultKind[]) {
  if (byKind.has(module.kind) || byKey.has(module.key)) throw new Error(`fault kind ${module.key} is registered twice`);
  byKind.set(module.kind, module);
  byKey.set(module.key, module);
}

/** The module of a kind in trace spelling (`fail-start`). */
export function faultKindOf(kind: FaultKind): AnyFaultKind {
  return byKind.get(kind)!;
}

/** The module of a kind in file spelling (`fail_start`), or undefined. */
export function faultKindByKey(key: string): AnyFaultKind | undefined {
  return byKey.get(key);
}

/** What a fault does to the model. */
export function injectFault(spec: FaultKindSpec, at: FaultAt): FaultCommand[] {
  return faultKindOf(spec.fault).inject(spec, at);
}

/** The record type a fault's injection writes (`operator` for an operator's action). */
export function recordTypeOf(spec: FaultKindSpec): 'fault' | 'operator' {
  return faultKindOf(spec.fault).record ?? 'fault';
}

/** The extra fields of the fault's trace record. */
export function traceFieldsOf(spec: FaultKindSpec): FaultTraceFields {
  return faultKindOf(spec.fault).traceFields(spec);
}

/** The fault's key and fields in file spelling. */
export function faultFileFields(spec: FaultKindSpec): Record<string, unknown> {
  return faultKindOf(spec.fault).toFile(spec);
}

/** What an armed fault does at lifecycle moments; an armed fault's kind is the kind of the fault that armed it. */
export function armedHooksOf(kind: string): ArmedFaultHooks | undefined {
  return byKind.get(kind)?.armed;
}
