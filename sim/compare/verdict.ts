/**
 * Which of two policies did better, in one sentence: the objectives that
 * matter, in the order they matter (availability first, then reboots, then
 * lost data, then time to recover), each judged only where the difference is
 * larger than the noise around it. Pure: the viewer's compare panel, the
 * HTML report and the compare CLI all say the same thing for the same numbers.
 */

/** The objectives a verdict weighs, most important first. */
export const OBJECTIVES = ['availability', 'reboots', 'lostData', 'recover'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** A measured value and the half-width of a 95 % interval of the noise around it (0: exact). */
export interface Measure {
  value: number;
  noise: number;
}

/** One side of a comparison: named by its policy, with what was measured (an objective may be missing). */
export interface Side {
  name: string;
  measures: Partial<Record<Objective, Measure>>;
}

export interface ObjectiveJudgement {
  objective: Objective;
  /** Which side did better; null when equal or when either side has no value. */
  better: 'A' | 'B' | null;
  /** The difference is larger than the noise: the two intervals do not overlap. */
  resolved: boolean;
}

export interface Verdict {
  winner: 'A' | 'B' | null;
  /** The objective that decided; null when nothing did. */
  decidedBy: Objective | null;
  judgements: ObjectiveJudgement[];
  /** The verdict in words, naming each side by its policy. */
  text: string;
}

const HIGHER_IS_BETTER: Readonly<Record<Objective, boolean>> = { availability: true, reboots: false, lostData: false, recover: false };

export const OBJECTIVE_WORDS: Readonly<Record<Objective, string>> = {
  availability: 'availability',
  reboots: 'reboots',
  lostData: 'lost data',
  recover: 'time to recover',
};

/** How each objective's values read in the sentence. */
export type Show = Readonly<Record<Objective, (value: number) => string>>;

/** Judges one objective: intervals that overlap leave it unresolved (the README's rule for `recsim compare`). */
export function judge(objective: Objective, a: Measure | undefined, b: Measure | undefined): ObjectiveJudgement {
  if (!a || !b || a.value === b.value) return { objective, better: null, resolved: false };
  const bHigher = b.value > a.value;
  const better = bHigher === HIGHER_IS_BETTER[objective] ? 'B' : 'A';
  return { objective, better, resolved: Math.abs(b.value - a.value) > a.noise + b.noise };
}

/** How a verdict is worded. */
export interface VerdictWords {
  /** What "within the noise" is within. */
  noise?: string;
  /** Say "(A)" and "(B)" after the names (compare mode's two sides); a campaign's policies need no tags. */
  tags?: boolean;
}

/**
 * The verdict: the first objective, in order, whose difference is beyond the
 * noise decides; an objective the loser did better on is said too ("A had
 * fewer reboots"), and so is a lead that is only noise.
 */
export function verdict(a: Side, b: Side, show: Show, words: VerdictWords = {}): Verdict {
  const noise = words.noise ?? 'the noise of one run';
  const tagged = words.tags ?? true;
  const judgements = OBJECTIVES.map((o) => judge(o, a.measures[o], b.measures[o]));
  const decisive = judgements.find((j) => j.resolved);
  const nameOf = (tag: 'A' | 'B'): string => `${tag === 'A' ? a.name : b.name}${tagged ? ` (${tag})` : ''}`;
  /** The two values, `first`'s before the other's. */
  const pair = (o: Objective, first: 'A' | 'B' = 'A'): string => {
    const [x, y] = first === 'A' ? [a, b] : [b, a];
    return `${show[o](x.measures[o]!.value)} against ${show[o](y.measures[o]!.value)}`;
  };
  if (!decisive) {
    const leads = judgements.filter((j) => j.better !== null).map((j) => `${OBJECTIVE_WORDS[j.objective]} (${pair(j.objective)})`);
    const text = leads.length === 0
      ? `No winner: ${nameOf('A')} and ${nameOf('B')} measure the same.`
      : `No clear winner between ${nameOf('A')} and ${nameOf('B')}: every difference is within ${noise}: ${leads.join(', ')}.`;
    return { winner: null, decidedBy: null, judgements, text };
  }
  const winner = decisive.better!;
  const loser = winner === 'A' ? 'B' : 'A';
  const noisy = judgements.slice(0, judgements.indexOf(decisive)).filter((j) => j.better !== null).map((j) => OBJECTIVE_WORDS[j.objective]);
  const why = `${OBJECTIVE_WORDS[decisive.objective]} ${pair(decisive.objective, winner)}`;
  const before = noisy.length > 0 ? ` (${listed(noisy)} within the noise)` : '';
  const against = judgements.filter((j) => j.resolved && j.better === loser).map((j) => `${OBJECTIVE_WORDS[j.objective]} (${pair(j.objective, loser)})`);
  const but = against.length > 0 ? ` ${nameOf(loser)} did better on ${against.join(', ')}.` : '';
  return { winner, decidedBy: decisive.objective, judgements, text: `${nameOf(winner)} is better than ${nameOf(loser)}: ${why}${before}.${but}` };
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 1.96: the 95 % quantile of a normal noise, for the single-run estimates below. */
const Z95 = 1.96;

/** What one run measured, enough to say how noisy each objective is. */
export interface SingleRun {
  /** Time running / run time, averaged over components (0..1). */
  availability: number;
  /** Outages behind the lost availability: failures and reboots. */
  outages: number;
  reboots: number;
  lostDataBytes: number;
  /** Losses the lost data came in. */
  lostDataEvents: number;
  recoverMedianUs?: number;
  recoveries: number;
}

/**
 * The noise of one run. A single run has no spread to measure, so each
 * objective is taken as a sum of independent events, the count of events
 * Poisson: a count n has a 95 % noise of 1.96 √n, and a total made of n
 * events (downtime, lost bytes) a relative noise of 1.96 / √n. One reboot
 * against none, or one outage's worth of availability, is then within the noise.
 */
export function singleRunMeasures(run: SingleRun): Partial<Record<Objective, Measure>> {
  const relative = (total: number, events: number): number => (total === 0 ? 0 : events > 0 ? (Z95 * total) / Math.sqrt(events) : total);
  const unavailable = 1 - run.availability;
  return {
    availability: { value: run.availability, noise: relative(unavailable, run.outages) },
    reboots: { value: run.reboots, noise: Z95 * Math.sqrt(run.reboots) },
    lostData: { value: run.lostDataBytes, noise: relative(run.lostDataBytes, run.lostDataEvents) },
    ...(run.recoverMedianUs !== undefined ? { recover: { value: run.recoverMedianUs, noise: relative(run.recoverMedianUs, run.recoveries) } } : {}),
  };
}

/** What a campaign's verdict says: the best policy, and how it compares with each of the others. */
export interface CampaignVerdict {
  /** Index of the best policy among the sides. */
  best: number;
  /** The best against each other policy, in the sides' order (the best itself left out). */
  against: { index: number; verdict: Verdict }[];
}

/**
 * The best of several policies: a knock-out in the sides' order (the leader
 * meets each next policy; the one the verdict prefers leads on), then the
 * best's verdict against every other. With 95 % intervals as noise, "within
 * the noise" means the intervals overlap: more seeds would tell.
 */
export function campaignVerdict(sides: readonly Side[], show: Show): CampaignVerdict {
  const words = { noise: 'the 95 % intervals (add seeds)', tags: false };
  let best = 0;
  for (let i = 1; i < sides.length; i++) if (verdict(sides[best]!, sides[i]!, show, words).winner === 'B') best = i;
  const against = sides.flatMap((side, index) => (index === best ? [] : [{ index, verdict: verdict(sides[best]!, side, show, words) }]));
  return { best, against };
}
