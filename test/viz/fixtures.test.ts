import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, loadFixture } from '../helpers/fixtures.js';

// The viewer's tests rely on these traces telling a consistent story.
const names = readdirSync(dirname(fixturePath('x'))).filter((n) => n.endsWith('.json'));

describe.each(names)('fixture %s', (name) => {
  const trace = loadFixture(name);

  it('is a version 1 recsim trace with a summary', () => {
    expect(trace.format).toBe('recsim-trace');
    expect(trace.version).toBe(1);
    expect(trace.summary.records).toBe(trace.records.length);
  });

  it('has unique increasing seqs and causes that point at earlier records', () => {
    const seen = new Set<number>();
    let previous = -1;
    for (const r of trace.records) {
      expect(r.seq).toBeGreaterThan(previous);
      previous = r.seq;
      if (r.cause !== undefined) expect(seen.has(r.cause), `record ${r.seq} has unknown cause ${r.cause}`).toBe(true);
      seen.add(r.seq);
    }
  });

  // Hand-written fixtures give every record a cause; the simulator leaves some out (e.g. starting -> running).
  it.skipIf(name.startsWith('generated-'))('roots every causal chain at a fault or the run start', () => {
    const bySeq = new Map(trace.records.map((r) => [r.seq, r]));
    for (const r of trace.records) {
      let root = r;
      for (let steps = 0; root.cause !== undefined && steps < trace.records.length; steps++) root = bySeq.get(root.cause)!;
      expect(['fault', 'run-started']).toContain(root.type);
    }
  });

  it('traces every reboot request and panic back to a fault', () => {
    const bySeq = new Map(trace.records.map((r) => [r.seq, r]));
    const reboots = trace.records.filter((r) => r.type === 'reboot-requested' || r.type === 'panic');
    for (const r of reboots) {
      let root: (typeof trace.records)[number] = r;
      while (root.cause !== undefined) root = bySeq.get(root.cause)!;
      expect(root.type).toBe('fault');
    }
  });
});
