import { formatBytes } from '../format/format-bytes.js';
import type { CampaignResult } from './campaign.js';
import type { Estimate } from './stats.js';
import { tableData } from './table.js';
import { campaignVerdict, type CampaignVerdict, type Measure, type Show, type Side } from './verdict.js';

/** How a campaign's verdict prints each objective (means across seeds, in the table's units). */
export const CAMPAIGN_SHOW: Show = {
  availability: (v) => `${(v * 100).toFixed(3)} %`,
  reboots: (v) => `${v.toFixed(2)} per run`,
  lostData: (v) => formatBytes(Math.round(v)),
  recover: (v) => `${v >= 1 ? v.toFixed(2) : v.toFixed(3)} s`,
};

const measure = (e: Estimate | undefined): Measure | undefined => (e ? { value: e.mean, noise: e.halfWidth } : undefined);

/** Graceful and ungraceful reboots together; their intervals added (never narrower than the sum's own). */
function reboots(g: Estimate | undefined, u: Estimate | undefined): Measure | undefined {
  return g && u ? { value: g.mean + u.mean, noise: g.halfWidth + u.halfWidth } : undefined;
}

/** Each policy of a campaign as a side of the verdict: means with their 95 % intervals as the noise. */
export function campaignSides(result: CampaignResult): Side[] {
  return tableData(result).policies.map((p) => ({
    name: p.policy,
    measures: {
      availability: measure(p.metrics.availability),
      reboots: reboots(p.metrics.gracefulReboots, p.metrics.ungracefulReboots),
      lostData: measure(p.metrics.lostDataBytes),
      recover: measure(p.metrics.recoverMedianUs),
    },
  }));
}

/** The campaign's best policy and its verdict against each other one. */
export function judgeCampaign(result: CampaignResult): CampaignVerdict & { names: string[] } {
  const sides = campaignSides(result);
  return { ...campaignVerdict(sides, CAMPAIGN_SHOW), names: sides.map((s) => s.name) };
}

/** The verdict as lines of text: "best: X", then X against each other policy. */
export function campaignVerdictLines(result: CampaignResult): string[] {
  const judged = judgeCampaign(result);
  if (judged.names.length < 2) return [];
  return [`verdict: best is ${judged.names[judged.best]} (availability first, then reboots, lost data, time to recover)`, ...judged.against.map((a) => `  ${a.verdict.text}`)];
}
