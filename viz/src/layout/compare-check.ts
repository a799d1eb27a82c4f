import { formatSpan } from './time-format.js';
import type { TraceFile } from './trace-types.js';

/** The parts of a trace's resolved scenario a comparison relies on; anything may be missing from a hand-made file. */
interface ScenarioShape {
  name?: string;
  durationUs?: number;
  components?: { name?: string; policy?: unknown }[];
  faults?: unknown[];
}

function shape(file: TraceFile): ScenarioShape {
  return typeof file.scenario === 'object' && file.scenario !== null ? (file.scenario as ScenarioShape) : {};
}

function nameOf(file: TraceFile): string | undefined {
  return file.summary?.scenario ?? shape(file).name;
}

function durationOf(file: TraceFile): number | undefined {
  return file.summary?.endUs ?? shape(file).durationUs;
}

function componentsOf(file: TraceFile): string[] | undefined {
  const components = shape(file).components;
  return Array.isArray(components) ? components.map((c) => String(c?.name)) : undefined;
}

/**
 * Why A and B may not be a fair comparison: a different scenario, duration,
 * set of components, fault script or seed. Policies are meant to differ and
 * are not listed here. Empty when nothing stands in the way.
 */
export function compareProblems(a: TraceFile, b: TraceFile): string[] {
  const problems: string[] = [];
  const [nameA, nameB] = [nameOf(a), nameOf(b)];
  if (nameA !== nameB) problems.push(`A and B are different scenarios ("${nameA ?? 'unnamed'}" and "${nameB ?? 'unnamed'}"): differences are not only the policies'`);
  const [endA, endB] = [durationOf(a), durationOf(b)];
  if (endA !== undefined && endB !== undefined && endA !== endB) {
    const shorter = endA < endB ? 'A' : 'B';
    problems.push(`A ran ${formatSpan(endA)} and B ${formatSpan(endB)}: ${shorter} is drawn only up to its end, and totals cover different spans`);
  }
  const [compA, compB] = [componentsOf(a), componentsOf(b)];
  if (compA && compB) {
    const onlyA = compA.filter((c) => !compB.includes(c));
    const onlyB = compB.filter((c) => !compA.includes(c));
    if (onlyA.length + onlyB.length > 0) {
      const list = (xs: string[]): string => (xs.length > 3 ? `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more` : xs.join(', '));
      problems.push(`the components differ${onlyA.length ? `: only in A ${list(onlyA)}` : ''}${onlyB.length ? `${onlyA.length ? ';' : ':'} only in B ${list(onlyB)}` : ''}`);
    }
  }
  const [faultsA, faultsB] = [shape(a).faults, shape(b).faults];
  if (Array.isArray(faultsA) && Array.isArray(faultsB) && JSON.stringify(faultsA) !== JSON.stringify(faultsB)) {
    problems.push('the fault scripts differ: A and B did not meet the same faults');
  }
  const [seedA, seedB] = [a.seed ?? a.summary?.seed, b.seed ?? b.summary?.seed];
  if (typeof seedA === 'number' && typeof seedB === 'number' && seedA !== seedB) {
    problems.push(`A ran seed ${seedA} and B seed ${seedB}: random faults and requests differ between them (run both with one --seed)`);
  }
  return problems;
}

/** How many components run a different policy in B than in A: what a comparison is meant to vary. */
export function policiesDiffering(a: TraceFile, b: TraceFile): { differing: number; of: number } | undefined {
  const [ca, cb] = [shape(a).components, shape(b).components];
  if (!Array.isArray(ca) || !Array.isArray(cb)) return undefined;
  const policyOf = new Map(cb.map((c) => [String(c?.name), JSON.stringify(c?.policy)]));
  let differing = 0;
  let of = 0;
  for (const c of ca) {
    const other = policyOf.get(String(c?.name));
    if (other === undefined) continue;
    of++;
    if (other !== JSON.stringify(c?.policy)) differing++;
  }
  return { differing, of };
}
