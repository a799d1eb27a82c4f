import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findImportCycle, importsOf, sources } from '../helpers/imports.js';

describe('the shape of the code: one direction of flow', () => {
  test('sim/model has no import cycle', () => {
    expect(findImportCycle(sources('sim/model'))).toBeUndefined();
  });

  test('the model knows nothing of files, the CLI, checks or exploration', () => {
    const outside = sources('sim/model').flatMap((f) => importsOf(f).filter((g) => /^sim\/(cli|checks|explore|compare|report|export)\//.test(g)).map((g) => `${f} -> ${g}`));
    expect(outside).toEqual([]);
  });

  test('reactors never reach the writer: they return commands (their state view is DeepReadonly, so the compiler rejects writes)', () => {
    const reach = sources('sim/model/reactors').flatMap((f) => importsOf(f).filter((g) => /sim\/model\/(apply|simulation)\.ts$|sim\/model\/writer\//.test(g)).map((g) => `${f} -> ${g}`));
    expect(reach).toEqual([]);
    expect(readFileSync('sim/model/reactor.ts', 'utf8')).toMatch(/state: StateView/);
  });

  test('the writer decides nothing: no writer file reads the rules (R4 readiness, the F4 allowlist, the gates)', () => {
    const rules = /sim\/model\/(readiness|reactors\/(start|reboot)-gate)\.ts$|sim\/scenario\/realm\.ts$/;
    const files = [...sources('sim/model/writer'), 'sim/model/apply.ts'];
    const reach = files.flatMap((f) => importsOf(f).filter((g) => rules.test(g)).map((g) => `${f} -> ${g}`));
    expect(reach).toEqual([]);
  });
});
