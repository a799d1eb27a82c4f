import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../viz/src/layout/timeline-model.js';
import { syntheticTrace } from '../helpers/synthetic-trace.js';

// The browser scale test draws this trace; check here that it is a trace worth drawing.
describe('syntheticTrace', () => {
  const trace = syntheticTrace(200_000);

  it('has about the requested number of records, in (t, seq) order with causes pointing back', () => {
    expect(trace.records.length).toBeGreaterThanOrEqual(195_000);
    expect(trace.records.length).toBeLessThanOrEqual(205_000);
    const problems: string[] = [];
    for (let i = 1; i < trace.records.length; i++) {
      const r = trace.records[i]!;
      if (r.seq !== i) problems.push(`record ${i} has seq ${r.seq}`);
      if (r.t < trace.records[i - 1]!.t) problems.push(`record ${i} goes back in time`);
      if (r.cause !== undefined && r.cause >= r.seq) problems.push(`record ${r.seq} caused by later ${r.cause}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('lays out into 121 lanes (120 components and the system) with contiguous bars', () => {
    const started = performance.now();
    const model = buildTimeline([{ name: 's', file: trace }]);
    const ms = performance.now() - started;
    expect(model.lanes).toHaveLength(121);
    const gaps = model.lanes.flatMap((lane) => lane.bars.slice(1).filter((bar, i) => bar.startUs !== lane.bars[i]!.endUs).map(() => lane.key));
    expect(gaps).toEqual([]);
    console.log(`[layout] ${trace.records.length} records -> ${model.lanes.length} lanes in ${ms.toFixed(0)} ms (Node)`);
  });
});
