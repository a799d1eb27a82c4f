import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Every .ts file under a folder, as paths relative to the repository. */
export function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The files a file imports by relative path (type imports included: a cycle of types is a cycle of concepts). */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)\.js'/g)].map((m) => normalize(join(dirname(file), `${m[1]}.ts`)));
}

/** One import cycle among the files, or undefined (iterative depth-first search). */
export function findImportCycle(files: readonly string[], imports: (file: string) => string[] = importsOf): string[] | undefined {
  const known = new Set(files);
  const edges = new Map(files.map((f) => [f, imports(f).filter((g) => known.has(g))]));
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
