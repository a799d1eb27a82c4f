import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { parseFastYaml } from '../../sim/scenario/fast-yaml.js';
import { passesUnchanged, undecidedKinds } from '../../sim/scenario/passes-unchanged.js';
import { resolveScenario } from '../../sim/scenario/resolve.js';
import { scenarioSchema, type ScenarioInput } from '../../sim/scenario/schema.js';
import { buildCorpus } from '../cli/bad-input-corpus.js';

/** The value with every object's keys sorted: zod's copy lists a strict object's keys in the schema's order, the file in its own. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** The predicate never says yes where zod says no, or where zod's data differs from the value. */
function agreesWithZod(schema: z.ZodType, value: unknown): boolean {
  const fast = passesUnchanged(schema)(value);
  if (fast) {
    const parsed = schema.safeParse(value);
    expect(parsed.success).toBe(true);
    expect(canonical(parsed.data)).toStrictEqual(canonical(value));
  }
  return fast;
}

function scenarioTexts(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return scenarioTexts(path);
    return /\.ya?ml$/.test(entry) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Every value one change away from `data`: each field dropped, set to a value of another type, and a field added. */
function mutations(data: unknown, depth = 0): unknown[] {
  if (depth > 3 || data === null || typeof data !== 'object') return [];
  const out: unknown[] = [];
  const others = [null, 0, -1, 1.5, '', 'x', '0.4us', true, [], {}, ['a'], { x: 1 }];
  if (Array.isArray(data)) {
    data.slice(0, 3).forEach((item, i) => {
      for (const other of others) out.push(data.map((x, j) => (j === i ? other : x)));
      for (const changed of mutations(item, depth + 1)) out.push(data.map((x, j) => (j === i ? changed : x)));
    });
    out.push([]);
    return out;
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const { [key]: _, ...without } = record;
    out.push(without);
    for (const other of others) out.push({ ...record, [key]: other });
    for (const changed of mutations(record[key], depth + 1)) out.push({ ...record, [key]: changed });
  }
  out.push({ ...record, unknown_field: 1 });
  return out;
}

describe('passesUnchanged (passes-unchanged.ts): zod\'s answer without zod\'s copy', () => {
  test('it decides every part of the scenario schema (nothing falls back to zod for a kind of schema it does not know)', () => {
    expect(undecidedKinds(scenarioSchema)).toStrictEqual([]);
  });

  test('kinds of schema it does not know answer false, never a wrong true', () => {
    const withDefault = z.strictObject({ a: z.string().default('x') });
    expect(undecidedKinds(withDefault)).toStrictEqual(['default']);
    expect(passesUnchanged(withDefault)({ a: 'y' })).toBe(false);
    // A plain z.object strips an undeclared key: its data is not the value.
    const stripping = z.object({ a: z.string() });
    expect(agreesWithZod(stripping, { a: 'y', b: 1 })).toBe(false);
    expect(agreesWithZod(stripping, { a: 'y' })).toBe(true);
  });

  test('every bundled scenario passes unchanged, and resolves to the same scenario as zod\'s copy of it', () => {
    const texts = scenarioTexts('scenarios');
    let fast = 0;
    for (const text of texts) {
      const data = parseFastYaml(text);
      if (data === undefined) continue;
      const parsed = scenarioSchema.safeParse(data);
      expect(agreesWithZod(scenarioSchema, data)).toBe(parsed.success);
      if (!parsed.success) continue;
      fast++;
      // Key order differs (file order against schema order); what the model runs must not.
      let own: string;
      let zods: string;
      try {
        own = JSON.stringify(resolveScenario(data as ScenarioInput));
        zods = JSON.stringify(resolveScenario(parsed.data));
      } catch (error) {
        expect(() => resolveScenario(parsed.data)).toThrow((error as Error).message);
        continue;
      }
      expect(own).toBe(zods);
    }
    expect(fast).toBeGreaterThan(texts.length / 2);
  });

  test('every value one change away from a bundled scenario, and every text of the bad-input corpus: never a wrong yes', () => {
    let refused = 0;
    let checked = 0;
    const texts = scenarioTexts('scenarios').slice(0, 15);
    for (const text of texts) {
      const data = parseFastYaml(text);
      if (data === undefined) continue;
      for (const changed of mutations(data)) {
        checked++;
        if (!agreesWithZod(scenarioSchema, changed)) refused++;
      }
    }
    for (const c of buildCorpus('.')) {
      for (const content of Object.values(c.files)) {
        if (typeof content !== 'string') continue;
        const data = parseFastYaml(content);
        if (data === undefined) continue;
        checked++;
        if (!agreesWithZod(scenarioSchema, data)) refused++;
      }
    }
    // Most changes break the schema: the predicate must have said no to those, and yes to the rest.
    expect(refused).toBeGreaterThan(checked / 3);
    expect(refused).toBeLessThan(checked);
  });
});
