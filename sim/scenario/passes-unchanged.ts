import type { z } from 'zod';

/**
 * Whether a value passes a zod schema unchanged: `passesUnchanged(schema)(value)`
 * is true only when `schema.safeParse(value)` succeeds and its data equals
 * `value` (the same keys, values and order of list items). The fast loader
 * (load.ts) then keeps the data it read instead of having zod build a copy of
 * it: at a million components that copy was 2 s and some 120 MB, all of it
 * surviving into the old generation until resolve was done.
 *
 * Not a second schema: the predicate is derived from the zod schema's own
 * definition (`schema._zod.def`), and every leaf (string, number, boolean,
 * enum, literal, with their checks: regex, min, int...) is decided by zod's own
 * `_zod.run`, so a value is refused by exactly zod's rules. Only the containers
 * are walked here, without building anything: zod 4.6's $ZodObject,
 * $ZodArray, $ZodOptional, $ZodUnion, $ZodRecord (node_modules/zod/v4/core/schemas.js:
 * `handlePropertyResult` for which keys an object requires, `handleCatchall`
 * for the keys it does not declare). Anything else (a default, a transform, a
 * pipe, a lazy schema, refinements on a container) answers false: the caller
 * then runs zod, which is always right. A false answer is never wrong, only
 * slower; `test/scenario/passes-unchanged.test.ts` checks that the scenario
 * schema has no such part, and that the answer agrees with zod.
 */
export type PassesUnchanged = (value: unknown) => boolean;

/** What zod's `run` needs of a parse context (a synchronous parse, the default of `safeParse`). */
const SYNC_CONTEXT = { async: false };

/** One payload, reused by every leaf check: a leaf never calls back into this walk, so none is in use twice. */
const payload: { value: unknown; issues: unknown[] } = { value: undefined, issues: [] };

interface ZodInternals {
  def: ZodDef;
  run: (payload: { value: unknown; issues: unknown[] }, ctx: object) => unknown;
  optin?: string;
  optout?: string;
}
interface ZodDef {
  type: string;
  checks?: readonly { _zod: { def: { when?: (p: unknown) => boolean }; check: (p: unknown) => unknown } }[];
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  mode?: string;
}

function internals(schema: z.ZodType): ZodInternals {
  return (schema as unknown as { _zod: ZodInternals })._zod;
}

const LEAF_TYPES = new Set(['string', 'number', 'boolean', 'enum', 'literal']);
const NEVER: PassesUnchanged = () => false;

const compiled = new WeakMap<z.ZodType, PassesUnchanged>();

/** The predicate of `schema`; `gaps` collects the kinds of schema it cannot decide (answered false). */
export function passesUnchanged(schema: z.ZodType, gaps?: Set<string>): PassesUnchanged {
  const known = gaps === undefined ? compiled.get(schema) : undefined;
  if (known !== undefined) return known;
  const made = compile(schema, gaps ?? new Set());
  if (gaps === undefined) compiled.set(schema, made);
  return made;
}

/** The kinds of schema under `schema` that the predicate answers false for (none, for the scenario schema). */
export function undecidedKinds(schema: z.ZodType): string[] {
  const gaps = new Set<string>();
  passesUnchanged(schema, gaps);
  return [...gaps].sort();
}

function compile(schema: z.ZodType, gaps: Set<string>): PassesUnchanged {
  const zod = internals(schema);
  const def = zod.def;
  if (LEAF_TYPES.has(def.type) && !def.coerce) return leaf(zod);
  // A container's own checks (an array's min length) run on the container, after its items.
  const own = def.checks ?? [];
  let inner: PassesUnchanged;
  switch (def.type) {
    case 'optional': {
      const item = passesUnchanged(def.innerType!, gaps);
      // An inner schema that fills in a default for absence would change the value.
      if (internals(def.innerType!).optin === 'defaulted') return gap(gaps, 'optional of a default');
      inner = (value) => value === undefined || item(value);
      break;
    }
    case 'array': {
      const item = passesUnchanged(def.element!, gaps);
      inner = (value) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i++) if (!item(value[i])) return false;
        return true;
      };
      break;
    }
    case 'union': {
      // Also a discriminated union: each option's literal discriminator makes "some option passes" the same answer.
      const options = def.options!.map((o) => passesUnchanged(o, gaps));
      inner = (value) => {
        for (let i = 0; i < options.length; i++) if (options[i]!(value)) return true;
        return false;
      };
      break;
    }
    case 'object':
      inner = objectPredicate(def, gaps);
      break;
    case 'record':
      if (def.mode === 'loose' || internals(def.keyType!).def.type !== 'string') return gap(gaps, `record (${def.mode ?? internals(def.keyType!).def.type})`);
      inner = recordPredicate(passesUnchanged(def.keyType!, gaps), passesUnchanged(def.valueType!, gaps));
      break;
    default:
      return gap(gaps, def.type);
  }
  return own.length === 0 ? inner : (value) => inner(value) && passesChecks(own, value);
}

function gap(gaps: Set<string>, kind: string): PassesUnchanged {
  gaps.add(kind);
  return NEVER;
}

/** A leaf is decided by zod's own `run` (its type test, then its checks). */
function leaf(zod: ZodInternals): PassesUnchanged {
  return (value) => {
    payload.value = value;
    zod.run(payload, SYNC_CONTEXT);
    return settle();
  };
}

/** zod's `runChecks`, for a value that passed its type: a check with a `when` runs only when that says so. */
function passesChecks(checks: NonNullable<ZodDef['checks']>, value: unknown): boolean {
  payload.value = value;
  for (const ch of checks) {
    const when = ch._zod.def.when;
    if (when !== undefined && !when(payload)) continue;
    ch._zod.check(payload);
    if (payload.issues.length > 0) break;
  }
  return settle();
}

/** Whether the payload collected no issue; leaves it empty for the next check (its issues cleared only when there are some: shortening an array is a call into the runtime). */
function settle(): boolean {
  payload.value = undefined;
  if (payload.issues.length === 0) return true;
  payload.issues.length = 0;
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object passes unchanged when every key it has is declared (strict) or
 * passes the catchall, every declared key that is not optional is there, and
 * every value passes. A key zod would strip (an undeclared key of a plain
 * `z.object`) changes the value: false. The walk goes over the value's own
 * keys (a few), not the schema's (the component schema declares some forty).
 */
function objectPredicate(def: ZodDef, gaps: Set<string>): PassesUnchanged {
  const keys = Object.keys(def.shape!);
  const position = new Map(keys.map((k, i) => [k, i]));
  const values = keys.map((k) => passesUnchanged(def.shape![k]!, gaps));
  // handlePropertyResult: a key whose schema is not optional-in must be present.
  const required = keys.map((k) => internals(def.shape![k]!).optin === undefined);
  const requiredCount = required.filter(Boolean).length;
  const catchallType = def.catchall === undefined ? undefined : internals(def.catchall).def.type;
  const extra: PassesUnchanged = catchallType === undefined || catchallType === 'never' ? NEVER : passesUnchanged(def.catchall!, gaps);
  return (value) => {
    if (!isObject(value)) return false;
    let present = 0;
    for (const key in value) {
      const i = position.get(key);
      if (i === undefined) {
        if (key === '__proto__' || !extra(value[key])) return false;
        continue;
      }
      if (!values[i]!(value[key])) return false;
      if (required[i]) present++;
    }
    return present === requiredCount;
  };
}

/** A record with text keys: every key passes the key schema and every value the value schema. */
function recordPredicate(key: PassesUnchanged, item: PassesUnchanged): PassesUnchanged {
  return (value) => {
    if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
    for (const k in value) if (k === '__proto__' || !key(k) || !item(value[k])) return false;
    return true;
  };
}
