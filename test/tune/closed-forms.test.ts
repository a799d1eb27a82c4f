import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/in-process.js';

// recsim tune against results with a closed form (derivations in docs/tune.md and in
// each scenario's comment). Each expected value must lie inside the 95 % interval that
// tune reports, widened to 99.9 % (x 3.29 / 1.96) so that a dozen checks together
// rarely fail by chance; the seeds are fixed, so the outcome is too.
const WIDEN = 3.29 / 1.96;

interface Metric { mean: number; lo: number; hi: number }
interface TuneJson { settings: { values: Record<string, string>; metrics: Record<string, Metric> }[] }

async function tune(args: string[]): Promise<TuneJson> {
  const r = await runCli(['tune', ...args, '--workers', '0', '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as TuneJson;
}

function expectWithin(m: Metric, expected: number): void {
  const half = ((m.hi - m.lo) / 2) * WIDEN;
  expect(Math.abs(m.mean - expected), `mean ${m.mean}, interval [${m.lo}, ${m.hi}], closed form ${expected}`).toBeLessThanOrEqual(half);
}

const H = 3600;

describe('tune agrees with closed forms', () => {
  it('alternating renewal: availability 1 / (1 + λ (d + s)) and T / (1/λ + d + s) restarts', async () => {
    const lambda = 6 / H;
    const s = 0.1;
    const T = 200 * H;
    const out = await tune(['scenarios/tune/renewal.yaml', '--vary', 'svc.restart.delay=1s,30s,5min', '--seeds', '1..30', '--objective', 'availability,restarts']);
    const delays = { '1s': 1, '30s': 30, '5min': 300 } as Record<string, number>;
    expect(out.settings).toHaveLength(3);
    for (const setting of out.settings) {
      const d = delays[setting.values['svc.restart.delay']!]!;
      expectWithin(setting.metrics.availability!, 1 / (1 + lambda * (d + s)));
      expectWithin(setting.metrics.restarts!, T / (1 / lambda + d + s));
    }
  });

  it('giving up after m restarts: availability (m + 1) / (λ T)', async () => {
    const lambda = 6 / H;
    const T = 100 * H;
    const out = await tune(['scenarios/tune/give-up.yaml', '--vary', 'svc.restart.max_restarts=0..3', '--seeds', '1..100', '--objective', 'availability']);
    for (const setting of out.settings) {
      const m = Number(setting.values['svc.restart.max_restarts']);
      expectWithin(setting.metrics.availability!, (m + 1) / (lambda * T));
    }
  });

  it('unflushed data lost per crash: w (1/λ - f / (e^(λ f) - 1)), times T / (1/λ + d + s) crashes', async () => {
    const lambda = 60 / H;
    const w = 1e6;
    const T = 20 * H;
    const crashes = T / (1 / lambda + 1 + 0.1);
    const out = await tune(['scenarios/tune/dirty-data.yaml', '--vary', 'writer.dirty_data.flush_every=5s,30s,2min', '--seeds', '1..30', '--objective', 'lost_data,restarts']);
    const flush = { '5s': 5, '30s': 30, '2min': 120 } as Record<string, number>;
    for (const setting of out.settings) {
      const f = flush[setting.values['writer.dirty_data.flush_every']!]!;
      const perCrash = w * (1 / lambda - f / Math.expm1(lambda * f));
      expectWithin(setting.metrics.restarts!, crashes);
      expectWithin(setting.metrics.lost_data!, crashes * perCrash);
    }
  });
});
