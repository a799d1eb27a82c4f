import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/in-process.js';
import { BROWSER_REQUIRED, ensureViewerBuilt, findChromium, launch, waitForReady } from './browser.js';

// The page `recsim tune --html` writes, opened from disk in Debian's Chromium:
// one point per setting on the Pareto plot, a heat map for two parameters, and
// each Pareto setting's worst run one click away as a timeline.
const chromiumPath = findChromium();
const dir = mkdtempSync(join(tmpdir(), 'recsim-tune-html-'));
const report = join(dir, 'tune.html');

describe.skipIf(!chromiumPath && !BROWSER_REQUIRED)('recsim tune --html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    ensureViewerBuilt();
    const r = await runCli(['tune', 'scenarios/tune/renewal.yaml', '--vary', 'svc.restart.delay=1s,5min', '--vary', 'svc.start_latency=100ms,2s', '--seeds', '1..5', '--workers', '0', '--html', report]);
    expect(r.code, r.stderr).toBe(0);
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('plots one point per setting, draws the heat map, and links the worst run to its timeline', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    expect(await page.locator('svg.pareto-plot g.setting').count()).toBe(4);
    expect(await page.locator('svg.pareto-plot g.setting.pareto').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.pareto-plot g.setting.recommended').count()).toBe(1);
    expect(await page.locator('table.heat-map td.cell').count()).toBe(4);
    const link = page.locator('a.worst-run').first();
    expect(await link.textContent()).toMatch(/worst run \(seed \d\)/);
    await link.click();
    await waitForReady(page);
    expect(page.url()).toMatch(/setting-\d+\/scenario\.seed-\d\.html$/);
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    await page.close();
  });
});
