import { describe, expect, test } from 'vitest';
import { runCampaign } from '../../sim/compare/campaign.js';
import { formatTable } from '../../sim/compare/table.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';

/**
 * `recsim compare` still works over presets on scenarios that use the new
 * fields: probes, warmup and quorums are not policy, so swapping every
 * policy for a preset keeps them; the policies then differ in what they do
 * after a probe kills the container.
 */
describe('recsim compare over presets on the anchor scenarios', () => {
  test('the liveness story: every preset keeps the probe, and restart policies differ after its kill', async () => {
    const scenario = loadScenarioFile('scenarios/anchors/k8s-liveness-kills-slow-database.yaml');
    const result = await runCampaign(scenario, { policies: ['k8s-crashloop', 'systemd-default', 'otp-one-for-one'], seeds: [1, 2], workers: 0 });
    const json = JSON.parse(formatTable(result, 'json')) as { policies: { policy: string; metrics: Record<string, { mean: number } | null> }[] };
    const restarts = (p: string) => json.policies.find((x) => x.policy === p)!.metrics.restarts!.mean;
    // CrashLoopBackOff restarts it 6 times in 10 minutes (0 s, then 10, 20, 40, 80, 160 s of backoff).
    expect(restarts('k8s-crashloop')).toBe(6);
    // Every preset restarts after a failed liveness probe (the watchdog column of Restart=), so it loops under each.
    expect(restarts('systemd-default')).toBeGreaterThan(6);
    expect(restarts('otp-one-for-one')).toBeGreaterThan(0);
  });

  test('the quorum story runs under every preset compared by default', async () => {
    const scenario = loadScenarioFile('scenarios/anchors/quorum-two-of-three.yaml');
    const result = await runCampaign(scenario, { policies: ['systemd-default', 'k8s-crashloop', 'redox-restart-dependents'], seeds: [1], workers: 0 });
    const text = formatTable(result, 'text');
    for (const p of ['systemd-default', 'k8s-crashloop', 'redox-restart-dependents']) expect(text).toContain(p);
    expect(text).toContain('apiserver');
  });

  test('the OTP, Windows and Android policy anchors run under presets, and under their own policies (shutdown, action lists, reboot targets kept)', async () => {
    for (const file of ['otp-one-for-all-in-turn', 'otp-escalation', 'windows-action-list', 'android-critical-bootloader']) {
      const scenario = loadScenarioFile(`scenarios/anchors/${file}.yaml`);
      const result = await runCampaign(scenario, { policies: ['scenario', 'otp-one-for-all', 'windows-scm', 'android-critical'], seeds: [1], workers: 0 });
      const json = JSON.parse(formatTable(result, 'json')) as { policies: { policy: string; metrics: Record<string, { mean: number } | null> }[] };
      expect(json.policies.map((p) => p.policy)).toHaveLength(4);
    }
    // The device left in the bootloader is down for the rest of the run under android-critical.
    const halted = await runCampaign(loadScenarioFile('scenarios/anchors/android-critical-window-target.yaml'), { policies: ['scenario'], seeds: [1], workers: 0 });
    const metrics = (JSON.parse(formatTable(halted, 'json')) as { policies: { metrics: Record<string, { mean: number } | null> }[] }).policies[0]!.metrics;
    expect(metrics.ungracefulReboots!.mean).toBe(1);
    // Halted at 332 s of 600: the rest of the run is downtime (downtimeS: in seconds).
    expect(metrics.downtimeS!.mean).toBe(268);
  });
});
