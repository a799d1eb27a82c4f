import { NO_POSITIONS } from './index-lists.js';

/**
 * For each component, the components it depends on directly or through
 * others (R4/R8: a group stop orders its members by it; a save needs it).
 * Pure of the declared graph, so it is computed once per component, on its
 * first use, and kept: a termination asked for it once per member of the
 * group it took down, each time a breadth-first walk with a set and two
 * lists. Lazily, not for every component at build: at 10^6 components in
 * long chains the whole table would be quadratic, and most are never asked.
 * Kept beside the topology (which a fork shares), never in the state: it is
 * not state, and needs no copying.
 */
export class DependencyClosure {
  private readonly closures: (readonly number[] | undefined)[];

  constructor(private readonly dependsOn: readonly (readonly number[])[]) {
    this.closures = new Array<readonly number[] | undefined>(dependsOn.length).fill(undefined);
  }

  /** Breadth first from `c`'s own dependencies, each once, `c` itself never. */
  of(c: number): readonly number[] {
    const known = this.closures[c];
    if (known !== undefined) return known;
    const direct = this.dependsOn[c]!;
    let closure: readonly number[];
    if (direct.length === 0) closure = NO_POSITIONS;
    else {
      const seen = new Set<number>([c]);
      const out: number[] = [];
      const work = [...direct];
      for (let head = 0; head < work.length; head++) {
        const d = work[head]!;
        if (seen.has(d)) continue;
        seen.add(d);
        out.push(d);
        for (const next of this.dependsOn[d]!) work.push(next);
      }
      closure = Object.freeze(out);
    }
    this.closures[c] = closure;
    return closure;
  }
}
