import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../sim/compare/campaign.js';
import { compareHtml } from '../../sim/report/compare-html.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';

const scenario = loadScenarioFile('scenarios/policies/storage-compare.yaml');
const result = await runCampaign(scenario, { policies: ['systemd-default', 'minix-rs'], seeds: [1, 2, 3, 4], workers: 0 });

describe('the comparison page', () => {
  const links = new Map(result.policies.map((p) => [p.policy, { seed: p.worst!.seed, href: `runs/${p.policy}.seed-${p.worst!.seed}.html` }]));
  const html = compareHtml(result, links);

  it('plots availability, reboots, time to recover and lost data per policy with their intervals', () => {
    for (const metric of ['availability', 'ungracefulReboots', 'gracefulReboots', 'recoverMedianUs', 'lostDataBytes']) {
      expect(html).toContain(`<figure class="plot" data-metric="${metric}">`);
    }
    expect(html.match(/<circle class="mean"/g)).toHaveLength(10);
    expect(html).toContain('mean ±95 % CI, higher is better');
  });

  it('links each policy\'s worst run to its timeline', () => {
    for (const p of result.policies) {
      expect(html).toContain(`<a class="worst-link" data-policy="${p.policy}" href="runs/${p.policy}.seed-${p.worst!.seed}.html">seed ${p.worst!.seed}: its timeline</a>`);
    }
  });

  it('says which policy is best and why, naming the noise it cannot tell apart', () => {
    // Four seeds do not resolve availability (the intervals overlap): the reboots decide.
    expect(html).toContain('<p class="verdict" data-best="minix-rs"><b>Best: minix-rs</b>');
    expect(html).toContain('<li data-policy="systemd-default">minix-rs is better than systemd-default: availability 99.480 % against 91.254 %. systemd-default did better on reboots (0.00 per run against 3.75 per run), time to recover (0.200 s against 1.47 s).</li>');
  });

  it('links A vs B on the same seed when the pair was written', () => {
    const paired = new Map([['minix-rs', { seed: 3, href: 'runs/minix-rs.seed-3.html', pair: { against: 'systemd-default', href: 'runs/minix-rs-vs-systemd-default.seed-3.html' } }]]);
    expect(compareHtml(result, paired)).toContain('<a class="pair-link" data-policy="minix-rs" data-against="systemd-default" href="runs/minix-rs-vs-systemd-default.seed-3.html">minix-rs vs systemd-default on seed 3</a>');
  });

  it('is the same page for the same campaign, and runs no script', () => {
    expect(compareHtml(result, links)).toBe(html);
    expect(html).not.toMatch(/<script/i);
  });

  it('sets names from the scenario file as text', () => {
    const hostile = { ...result, scenario: '<img src=x onerror=alert(1)>' };
    const page = compareHtml(hostile, new Map());
    expect(page).not.toContain('<img');
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});

describe('the worst run of a policy', () => {
  it('is the one with the least time running, whatever order the runs were added in', async () => {
    const backwards = await runCampaign(scenario, { policies: ['systemd-default', 'minix-rs'], seeds: [4, 3, 2, 1], workers: 0 });
    expect(backwards.policies.map((p) => p.worst)).toEqual(result.policies.map((p) => p.worst));
    for (const p of result.policies) expect([1, 2, 3, 4]).toContain(p.worst!.seed);
  });
});
