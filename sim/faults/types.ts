import type fc from 'fast-check';
import type { z } from 'zod';
import type { ArmedFaultHooks, FaultCommand } from './commands.js';
import type { FieldPath } from '../format/errors.js';
import type { PolicySystemInput } from '../policy/fields/schema.js';

/** A fault on one component: `target` names it. */
export interface ComponentFaultSpec<K extends string> {
  fault: K;
  target: string;
}

/** A fault on the system as a whole (a shutdown, the reboot call): there is no target. */
export interface SystemFaultSpec<K extends string> {
  fault: K;
  target?: undefined;
}

export type FaultSpecBase = ComponentFaultSpec<string> | SystemFaultSpec<string>;

/** Where a fault lands in the model: its target's index in the component list, and the `seq` of its record. */
export interface FaultAt {
  target?: number;
  cause: number;
}

/** What a kind's `resolve` may need besides its own fields: an override starts from the system's policy defaults. */
export interface FaultResolveContext {
  system: PolicySystemInput;
}

/** The README row of a fault kind. */
export interface FaultKindDoc {
  /** How the value under the key reads in the table: `X` for a component, `reason`, `true`. */
  value: string;
  /** One line: what the fault does. */
  summary: string;
  /** The DESIGN rules (F1-F12, R1-R8) it exercises. */
  rule: string;
  /** Replaces the generated list of the kind's fields when that list would be unreadable (override takes every policy field). */
  fields?: string;
}

/** How `recsim explore` draws and simplifies faults of a kind. */
export interface FaultKindExplorer<Spec> {
  /**
   * Whether explore draws this kind when `--faults` names none. A kind added
   * later starts out of the default so that a seeded search keeps finding what
   * it found (the README's measured runs-to-find stay true).
   */
  byDefault: boolean;
  /** The fault without its trigger, for a target drawn by explore (undefined for a system fault). */
  arbitrary(target: string | undefined): fc.Arbitrary<Spec>;
  /** Simpler variants, simplest first, that the shrinker tries in place of the fault. */
  simpler?(spec: Spec): Spec[];
}

/**
 * One fault kind: everything the rest of recsim knows about it, so that a new
 * kind is one module under kinds/ plus its line in registry.ts. The file
 * schema, the loader, the model, explore, the README table and CLI help are
 * all derived from these.
 */
export interface FaultKindModule<Spec extends FaultSpecBase = FaultSpecBase, Trace extends object = object, Key extends string = string> {
  /** Scenario-file spelling: `fail_start: X`. */
  key: Key;
  /** Trace spelling: `fault: fail-start`. */
  kind: Spec['fault'];
  targets: 'component' | 'system';
  /** The schema of the value under `key` (a component name, `true`, a reason). */
  value: z.ZodType;
  /** The schemas of the extra fields this kind accepts beside its key; any other kind's field is refused. */
  fields: z.ZodRawShape;
  /** Defaults of those fields, in file spelling: `resolve` fills them, `toFile` leaves them out. */
  defaults: Readonly<Record<string, unknown>>;
  /**
   * The resolved spec (without the trigger): defaults filled, units converted.
   * Throws a ScenarioProblem under `path` (the fault's) for a bad value.
   */
  resolve(input: { value: unknown; fields: Readonly<Record<string, unknown>> }, path: FieldPath, context: FaultResolveContext): Spec;
  /** The key and fields in file spelling, so that they load back to the same spec (explore writes scenarios with it). */
  toFile(spec: Spec): Record<string, unknown>;
  /** Extra fields of the `fault` trace record (a crash's exit code or signal). */
  traceFields(spec: Spec): Trace;
  /** What the fault does to the model, as data. */
  inject(spec: Spec, at: FaultAt): FaultCommand[];
  /** What a fault this kind arms (`do: 'arm'`, with `kind` its own) does at lifecycle moments. */
  armed?: ArmedFaultHooks;
  /** The record its injection writes: `fault` (absent), or `operator` for an operator's action, which is not a fault. */
  record?: 'operator';
  /** Why this kind cannot arrive at a `rate` (absent: it can). */
  notAtRate?: string;
  doc: FaultKindDoc;
  /** Absent: explore never draws it. */
  explore?: FaultKindExplorer<Spec>;
}

type FieldsInput<F extends z.ZodRawShape> = { readonly [K in keyof F]?: z.output<F[K]> };

/** A fault kind as written in its module: `resolve` sees its value and fields with the types their schemas give. */
export type FaultKindDefinition<Spec extends FaultSpecBase, Trace extends object, Key extends string, V extends z.ZodType, F extends z.ZodRawShape> =
  Omit<FaultKindModule<Spec, Trace, Key>, 'value' | 'fields' | 'defaults' | 'resolve'> & {
    value: V;
    fields: F;
    defaults: FieldsInput<F>;
    resolve(input: { value: z.output<V>; fields: FieldsInput<F> }, path: FieldPath, context: FaultResolveContext): Spec;
  };

/**
 * Declares a fault kind. The loader calls `resolve` only with input its own
 * schemas accepted, which is what makes the narrowing of `value` and
 * `fields` here sound.
 */
export function defineFaultKind<Spec extends FaultSpecBase, Trace extends object, const Key extends string, V extends z.ZodType, F extends z.ZodRawShape>(
  definition: FaultKindDefinition<Spec, Trace, Key, V, F>,
): FaultKindModule<Spec, Trace, Key> {
  return definition as unknown as FaultKindModule<Spec, Trace, Key>;
}
