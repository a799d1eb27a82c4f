import type { Page } from 'playwright-core';
import { waitForReady } from './browser.js';

/** How many times the first-view test loads each page: $RECSIM_FIRST_VIEW_RUNS (1 in `npm test`), the median printed. */
export const FIRST_VIEW_RUNS = Math.max(1, Number(process.env.RECSIM_FIRST_VIEW_RUNS ?? 1) || 1);

/** One page load, as a user waits for it, and what it cost the page's main thread. */
export interface FirstView {
  /** Navigation to the first frame that shows the timeline (app.ts, LoadTimings.firstViewMs). */
  firstViewMs: number;
  /** Navigation to the side panels filled in too. */
  readyMs: number;
  /** When the viewer's script started: the page (and an inlined trace) parsed. */
  scriptStartedMs: number;
  /** Each step's end in ms since navigation ("parsed 1012, layout 1451, ..."). */
  steps: string;
  records: number;
  /**
   * CPU time of the page's main thread from navigation to ready (Chromium's
   * Performance.getMetrics ThreadTime): what a quiet machine would wait for
   * it, since on a loaded one the wall clock also counts time waiting for a core.
   */
  mainThreadCpuMs: number;
  /** Of which running scripts (JSON.parse of a fetched trace is not counted as script). */
  scriptMs: number;
}

type Hook = {
  recsimViewer: {
    scriptStartedMs: number;
    milestones: Record<string, number>;
    app: { timings: { firstViewMs: number; readyMs: number; records: number } | null };
  };
};

/** Opens `url` in a page (a fresh one: its main thread's CPU time is counted from its start), waits until it is ready, and reads how long the first view took. */
export async function measureFirstView(page: Page, url: string): Promise<FirstView> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url);
  await waitForReady(page);
  await page.waitForFunction(() => (window as unknown as Hook).recsimViewer.app.timings !== null);
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await cdp.detach();
  const metric = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  const seen = await page.evaluate(() => {
    const hook = (window as unknown as Hook).recsimViewer;
    const steps = Object.entries(hook.milestones).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ');
    return { timings: hook.app.timings!, scriptStartedMs: hook.scriptStartedMs, steps };
  });
  return {
    firstViewMs: seen.timings.firstViewMs,
    readyMs: seen.timings.readyMs,
    scriptStartedMs: seen.scriptStartedMs,
    steps: seen.steps,
    records: seen.timings.records,
    mainThreadCpuMs: metric('ThreadTime'),
    scriptMs: metric('ScriptDuration'),
  };
}

export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** One line per load and, for several, their medians. */
export function describeFirstViews(label: string, views: readonly FirstView[]): string[] {
  const f = (x: number): string => x.toFixed(0);
  const lines = views.map(
    (v, i) =>
      `  ${label}${views.length > 1 ? ` #${i + 1}` : ''}: first view ${f(v.firstViewMs)} ms from navigation (goal: under 2 s on a quiet machine), side panels in at ${f(v.readyMs)} ms; main thread CPU ${f(v.mainThreadCpuMs)} ms (scripts ${f(v.scriptMs)} ms); steps: script started ${f(v.scriptStartedMs)}, ${v.steps}`,
  );
  if (views.length > 1) {
    lines.push(`  ${label}, median of ${views.length}: first view ${f(median(views.map((v) => v.firstViewMs)))} ms, ready ${f(median(views.map((v) => v.readyMs)))} ms, main thread CPU ${f(median(views.map((v) => v.mainThreadCpuMs)))} ms`);
  }
  return lines;
}
