import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findImportCycle, importsOf, sources } from './helpers/imports.js';

/**
 * The floors of recsim, lowest first. A file may import files of its own
 * floor and of the floors below it, never above. The README's architecture
 * section draws the same table; the two are kept in step by hand (this test
 * is the one that is checked). A path ending in `/` is a folder, any other
 * path one file; a file belongs to the longest path that matches it.
 */
const LAYERS: readonly { layer: string; paths: readonly string[] }[] = [
  { layer: 'vocabulary', paths: ['sim/vocabulary/'] },
  { layer: 'engine', paths: ['sim/engine/'] },
  { layer: 'format', paths: ['sim/format/'] },
  { layer: 'policy', paths: ['sim/policy/', 'sim/probes/'] },
  { layer: 'faults', paths: ['sim/faults/'] },
  { layer: 'trace', paths: ['sim/trace/'] },
  { layer: 'scenario', paths: ['sim/scenario/'] },
  { layer: 'model', paths: ['sim/model/'] },
  { layer: 'checks', paths: ['sim/checks/'] },
  { layer: 'loading', paths: ['sim/scenario/load.ts', 'sim/scenario/validate.ts'] },
  { layer: 'run', paths: ['sim/simulate.ts'] },
  { layer: 'io', paths: ['sim/io/'] },
  { layer: 'uses', paths: ['sim/compare/', 'sim/tune/', 'sim/shards/', 'sim/explore/', 'sim/export/', 'sim/import/'] },
  { layer: 'report', paths: ['sim/report/'] },
  { layer: 'docs', paths: ['sim/docs/'] },
  { layer: 'cli', paths: ['sim/cli/'] },
  { layer: 'viewer model', paths: ['viz/src/layout/', 'viz/src/timing.ts'] },
  { layer: 'viewer drawing', paths: ['viz/src/load/', 'viz/src/render/'] },
  { layer: 'viewer app', paths: ['viz/src/'] },
];

/** The floor of a file: the index in LAYERS of its longest matching path, or -1. */
function layerOf(file: string): number {
  let best = -1;
  let bestLength = -1;
  LAYERS.forEach(({ paths }, i) => {
    for (const p of paths) {
      const matches = p.endsWith('/') ? file.startsWith(p) : file === p;
      if (matches && p.length > bestLength) {
        best = i;
        bestLength = p.length;
      }
    }
  });
  return best;
}


/** Imports that point up a floor. */
function upwardImports(files: readonly string[], imports: (file: string) => string[] = importsOf): string[] {
  return files.flatMap((f) =>
    imports(f)
      .filter((g) => layerOf(g) > layerOf(f))
      .map((g) => `${f} (${LAYERS[layerOf(f)]!.layer}) -> ${g} (${LAYERS[layerOf(g)]!.layer})`),
  );
}

const FILES = [...sources('sim'), ...sources('viz/src')];

describe('architecture: one direction of flow over sim/ and viz/', () => {
  test('no import cycle, type imports included', () => {
    expect(findImportCycle(FILES)).toBeUndefined();
  });

  test('every file belongs to a floor', () => {
    expect(FILES.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  test('each floor imports only its own and the floors below it', () => {
    expect(upwardImports(FILES)).toEqual([]);
  });

  test("the README's architecture table lists the same floors and paths, in the same order", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Architecture'), readme.indexOf('Where each kind of change goes'));
    const rows = [...section.matchAll(/^\| ([a-z ]+) \| ((?:`[^`]+` ?)+) \|/gm)].map((m) => ({ layer: m[1]!, paths: [...m[2]!.matchAll(/`([^`]+)`/g)].map((p) => p[1]!) }));
    expect(rows).toEqual(LAYERS.map(({ layer, paths }) => ({ layer, paths: [...paths] })));
  });

  test('both checks have teeth: a cycle of two files is found, an import from the trace up to the model is refused', () => {
    const graph: Record<string, string[]> = { 'sim/a.ts': ['sim/b.ts'], 'sim/b.ts': ['sim/a.ts'] };
    expect(findImportCycle(Object.keys(graph), (f) => graph[f]!)).toEqual(['sim/a.ts', 'sim/b.ts', 'sim/a.ts']);
    expect(upwardImports(['sim/trace/records.ts'], () => ['sim/model/state.ts'])).toEqual(['sim/trace/records.ts (trace) -> sim/model/state.ts (model)']);
  });
});
