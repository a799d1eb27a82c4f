import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewServer, type ViewServer } from '../../sim/cli/commands/view.js';
import { scenarioUnderPolicy } from '../../sim/compare/policy-names.js';
import { packageRoot, viewerHtmlPath } from '../../sim/report/html.js';
import { loadScenarioFile } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';
import { serializeTrace } from '../../sim/trace/serialize.js';
import type { TraceFile } from '../../sim/trace/trace-file.js';
import { BROWSER_REQUIRED, ensureViewerBuilt, findChromium, launch, texts, viewState, waitForReady, watchedPage, type WatchedPage } from './browser.js';
import { generatedTrace } from './generated.js';

// Compare mode on what `recsim run --policy` writes: the storage stack, seed 5, two presets.
const chromiumPath = findChromium();
const dir = join(packageRoot(), 'test-results', 'e2e', 'compare');
const scenario = loadScenarioFile(join(packageRoot(), 'scenarios/policies/storage-compare.yaml'));
const systemd = simulate(scenarioUnderPolicy(scenario, 'systemd-default'), { seed: 5 });
const minix = simulate(scenarioUnderPolicy(scenario, 'minix-rs'), { seed: 5 });
const netstack = generatedTrace('scenarios/netstack-reboot.yaml');

function written(trace: TraceFile, name: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.trace.json`);
  writeFileSync(path, serializeTrace(trace));
  return path;
}

describe.skipIf(!chromiumPath && !BROWSER_REQUIRED)('compare mode in headless Chromium', () => {
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  let server: ViewServer | undefined;

  beforeAll(async () => {
    ensureViewerBuilt();
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  /** What `recsim view a.json b.json` serves. */
  async function view(a: TraceFile, b: TraceFile, names: [string, string]): Promise<void> {
    await server?.close();
    server = await startViewServer({ tracePath: written(a, names[0]), comparePath: written(b, names[1]), distDir: dirname(viewerHtmlPath()), port: 0 });
    await page?.close();
    watched = await watchedPage(browser);
    page = watched.page;
    await page.goto(server.url);
    await waitForReady(page);
  }

  describe('two policies on the same faults', () => {
    beforeAll(async () => {
      await view(systemd, minix, ['systemd-default', 'minix-rs']);
    });

    it('shows the totals side by side with B − A and which did better', async () => {
      expect(await page.textContent('#compare h3')).toBe('A: systemd-default vs B: minix-rs');
      // Every component's policy differs (the whole point): nothing to note beyond the names.
      expect(await page.$('#compare .panel-note')).toBeNull();
      const row = async (metric: string): Promise<string[]> => texts(page, `#compare tr[data-metric="${metric}"] > *`);
      expect(await row('ungracefulReboots')).toEqual(['ungraceful reboots', '0', '5', '+5', 'A']);
      expect((await row('availability'))[4]).toBe('B');
      expect((await row('lostDataBytes'))[2]).toBe('63.4 MB');
    });

    it('has nothing to warn about', async () => {
      expect(await page.isHidden('#warnings')).toBe(true);
    });

    it('marks where the runs part and jumps to B\'s first different record', async () => {
      expect(await page.textContent('.divergence-text')).toMatch(/^A and B run alike until \d/);
      await page.waitForSelector('.time-marker text');
      expect(await page.textContent('.time-marker text')).toBe('A ≠ B from here');
      await page.click('#compare button.divergence-b');
      const state = await viewState(page);
      expect(state.selection?.traceIndex).toBe(1);
      expect(await page.textContent('.details-title')).toMatch(/^\[B\] decision at /);
      expect(watched.errors).toEqual([]);
    });
  });

  describe('two different scenarios', () => {
    beforeAll(async () => {
      await view(minix, netstack, ['minix-rs', 'netstack-reboot']);
    });

    it('warns that they are not a fair comparison', async () => {
      const warnings = await texts(page, '#warnings li');
      expect(warnings[0]).toContain('A and B are different scenarios');
      expect(warnings[1]).toBe('⚠ A ran 1h and B 2min: B is drawn only up to its end, and totals cover different spans');
    });

    it('never draws B past its end', async () => {
      const ends = await page.evaluate(() => {
        const app = (window as unknown as { recsimViewer: { app: { model: { lanes: { traceIndex: number; bars: { endUs: number }[] }[] } } } }).recsimViewer.app;
        return [...new Set(app.model.lanes.filter((l) => l.traceIndex === 1).map((l) => l.bars[l.bars.length - 1]!.endUs))];
      });
      expect(ends).toEqual([netstack.summary.endUs]);
    });
  });
});
