import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Every .ts file under a folder, as paths relative to the repository. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The sim/ files a file imports (type imports included: a cycle of types is a cycle of concepts). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)\.js'/g)].map((m) => normalize(join(dirname(file), `${m[1]}.ts`)));
}

/** One import cycle among the files, or undefined (iterative depth-first search). */
function findImportCycle(files: readonly string[]): string[] | undefined {
  const edges = new Map(files.map((f) => [f, importsOf(f).filter((g) => files.includes(g))]));
  const state = new Map<string, 'active' | 'done'>();
  for (const root of files) {
    if (state.has(root)) continue;
    const stack: { file: string; next: number }[] = [{ file: root, next: 0 }];
    state.set(root, 'active');
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const targets = edges.get(top.file)!;
      if (top.next >= targets.length) {
        state.set(top.file, 'done');
        stack.pop();
        continue;
      }
      const target = targets[top.next++]!;
      if (state.get(target) === 'active') return [...stack.slice(stack.findIndex((s) => s.file === target)).map((s) => s.file), target];
      if (!state.has(target)) {
        state.set(target, 'active');
        stack.push({ file: target, next: 0 });
      }
    }
  }
  return undefined;
}

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
