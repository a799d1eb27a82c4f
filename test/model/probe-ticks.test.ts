import { describe, expect, test } from 'vitest';
import { serializeTrace } from '../../sim/trace/serialize.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';
import { runYaml } from '../helpers/scenario.js';
import { prng } from '../helpers/synthetic-trace.js';

/**
 * Probe ticks computed (sim/model/probe-ticks.ts) against ticking every
 * period, the reference: random Kubernetes systems under random faults, most
 * of them on whole seconds so that they often fall on a probe tick, must give
 * the same trace byte for byte but the number of events.
 */
function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function randomSystem(seed: number): string {
  const r = prng(seed);
  const n = 1 + Math.floor(r() * 3);
  const components: string[] = [];
  for (let i = 0; i < n; i++) {
    const probes: string[] = [];
    const probe = (extra: string) =>
      `{ period: ${pick(r, ['2s', '5s', '10s', '3s'])}, initial_delay: ${pick(r, ['0s', '5s', '20s', '1500ms'])}, timeout: ${pick(r, ['1s', '2s'])}, failure_threshold: ${pick(r, [1, 3, 5])}${extra} }`;
    if (r() < 0.4) probes.push(`startup: ${probe('')}`);
    if (r() < 0.8) probes.push(`liveness: ${probe('')}`);
    if (r() < 0.5) probes.push(`readiness: ${probe(`, success_threshold: ${pick(r, [1, 2, 3])}`)}`);
    const depends = i > 0 && r() < 0.5 ? `, depends: [c${i - 1}]` : '';
    const stop = r() < 0.3 ? `, stop_timeout: ${pick(r, ['2s', '5s'])}` : '';
    components.push(`  - { name: c${i}, preset: k8s-crashloop, warmup: ${pick(r, ['0s', '3s', '12s', '60s', '4500ms'])}${depends}${stop}, probes: { ${probes.join(', ')} } }`);
  }
  const faults: string[] = [];
  const count = Math.floor(r() * 6);
  for (let i = 0; i < count; i++) {
    const at = r() < 0.8 ? `${Math.floor(r() * 300)}s` : `${Math.floor(r() * 300_000)}ms`;
    const target = `c${Math.floor(r() * n)}`;
    faults.push(`  - { at: ${at}, ${pick(r, ['hang', 'hang', 'crash', 'kill', 'exit'])}: ${target} }`);
  }
  if (r() < 0.3) faults.push(`  - { rate: ${pick(r, ['20/h', '60/h'])}, ${pick(r, ['hang', 'crash'])}: c0 }`);
  if (r() < 0.15) faults.push(`  - { at: ${Math.floor(r() * 300)}s, shutdown: user-request }`);
  return `
name: random probes ${seed}
seed: ${seed}
duration: 10min
system: { on_dependency_stop: ${pick(r, ['stop-dependents', 'keep-dependents'])} }
components:
${components.join('\n')}
${faults.length > 0 ? `faults:\n${faults.join('\n')}` : ''}
`;
}

function withoutEventCount(trace: TraceFile): string {
  return serializeTrace({ ...trace, summary: { ...trace.summary, events: 0 } });
}

describe('probe ticks computed, not ticked', () => {
  test('give the trace of ticking every period, byte for byte but the event count (300 random systems and fault schedules)', () => {
    const events = { ticked: 0, computed: 0 };
    let probeRecords = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const yaml = randomSystem(seed);
      const ticked = runYaml(yaml, { probeTicks: 'every-period' });
      const computed = runYaml(yaml);
      expect(withoutEventCount(computed), `seed ${seed}:\n${yaml}`).toBe(withoutEventCount(ticked));
      expect(computed.summary.events, `seed ${seed}`).toBeLessThanOrEqual(ticked.summary.events);
      events.ticked += ticked.summary.events;
      events.computed += computed.summary.events;
      probeRecords += ticked.records.filter((x) => x.type === 'probe').length;
    }
    // The systems do exercise the probes, and most ticks find nothing.
    expect(probeRecords).toBeGreaterThan(1000);
    expect(events.computed).toBeLessThan(events.ticked / 2);
  });

  test('a healthy process under a liveness probe costs events for its faults, not for its virtual time', () => {
    const yaml = (duration: string) => `
name: healthy for a long time
duration: ${duration}
components:
  - { name: web, preset: k8s-crashloop, warmup: 5s, probes: { liveness: { period: 10s }, readiness: { period: 5s } } }
faults:
  - { at: 100s, hang: web }
`;
    const day = runYaml(yaml('1d'));
    const year = runYaml(yaml('365d'));
    expect(year.summary.events).toBe(day.summary.events);
    expect(year.records.filter((x) => x.type === 'probe').length).toBe(day.records.filter((x) => x.type === 'probe').length);
    // Ticking: two probes, a tick each per period and a result per successful tick, for a day.
    expect(runYaml(yaml('1d'), { probeTicks: 'every-period' }).summary.events).toBeGreaterThan(40_000);
  });
});
