import { vi } from 'vitest';
import { describeTeeth } from '../helpers/teeth.js';

/**
 * Issue 20 item 11: the power manager is ordered by its own offers (a strong
 * offer into it makes it a dependent, stopped before its provider). Put back
 * the old rule, "the power manager last whatever it depends on", and the
 * scenario fails on `shutdown-stops-dependents-first`.
 */
const broken = vi.hoisted(() => ({ on: false }));

vi.mock('../../sim/model/shutdown-graph.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../sim/model/shutdown-graph.js')>();
  return {
    ...mod,
    shutdownGraph: (...args: Parameters<typeof mod.shutdownGraph>) => {
      if (!broken.on) return mod.shutdownGraph(...args);
      const [scenario, dependents, childrenOf, powerManager] = args;
      // The rule before: the power manager's own dependencies are ignored and it stops last.
      const n = scenario.components.length;
      const stopsBefore: number[][] = Array.from({ length: n }, () => []);
      const mustStopFirst = new Array<number>(n).fill(0);
      const edge = (first: number, then: number): void => {
        stopsBefore[first]!.push(then);
        mustStopFirst[then]!++;
      };
      for (let provider = 0; provider < n; provider++) {
        if (provider === powerManager) continue;
        for (const d of new Set([...dependents[provider]!, ...childrenOf[provider]!])) if (d !== powerManager) edge(d, provider);
      }
      if (powerManager !== undefined) for (let c = 0; c < n; c++) if (c !== powerManager) edge(c, powerManager);
      return { mustStopFirst, stopsBefore };
    },
  };
});

describeTeeth('F8: the power manager is ordered by its offers (issue 20 item 11)', [
  {
    rule: 'F8 power manager ordered by its offers',
    file: 'scenarios/fuchsia/f08-power-manager-ordered-by-its-offers.yaml',
    breaks: 'the power manager stops last whatever it depends on (archivist is stopped while it runs)',
    breakModel: () => {
      broken.on = true;
      return () => {
        broken.on = false;
      };
    },
    givesAway: 'violation shutdown-stops-dependents-first',
  },
]);
