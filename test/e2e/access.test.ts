import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../sim/report/html.js';
import { parseScenario } from '../../sim/scenario/load.js';
import { simulate } from '../../sim/simulate.js';
import { deltaE, feColorMatrixValues } from '../viz/color-vision.js';
import { BROWSER_REQUIRED, canvasPixel, ensureViewerBuilt, installColourFilter, findChromium, launch, nextFrames, openReportOf, pointOfRecord, texts, viewState, type WatchedPage } from './browser.js';
import { generatedTrace, recordOf } from './generated.js';

// Colour, keyboard and narrow windows, on traces the simulator wrote.
const chromiumPath = findChromium();
const stormGuard = generatedTrace('scenarios/redox/r6-storm-guard.yaml');
const reboot = generatedTrace('scenarios/netstack-reboot.yaml');
const longNames = simulate(
  parseScenario(
    `
name: two drivers whose names differ only at the end
duration: 1min
components:
  - { name: coremon, kind: monitor }
  - { name: /core/drivers/usb/very-long-usb-host-controller-driver-instance-1, kind: driver, monitor: coremon, restart: { when: on-failure, delay: 1s } }
  - { name: /core/drivers/usb/very-long-usb-host-controller-driver-instance-2, kind: driver, monitor: coremon, restart: { when: on-failure, delay: 1s } }
faults:
  - { at: 20s, crash: /core/drivers/usb/very-long-usb-host-controller-driver-instance-2, exit_code: 1 }
`,
    'long-names.yaml',
  ),
);

describe.skipIf(!chromiumPath && !BROWSER_REQUIRED)('colour and access in headless Chromium', () => {
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    ensureViewerBuilt();
    browser = await launch(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(trace: typeof reboot, name: string, viewport?: { width: number; height: number }): Promise<void> {
    await page?.close();
    watched = await openReportOf(browser, trace, name, viewport);
    page = watched.page;
  }

  describe('seen with deuteranopia (an SVG colour-matrix filter simulating it)', () => {
    const fault = recordOf(stormGuard, (r) => r.type === 'fault' && r.source === 'triggered');
    const results = join(packageRoot(), 'test-results');

    beforeAll(async () => {
      await open(stormGuard, 'r6-storm-guard');
      await installColourFilter(page, 'deuteranopia', feColorMatrixValues());
      await page.evaluate(() => (window as unknown as { recsimViewer: { app: { setDomain(d: object): void } } }).recsimViewer.app.setDomain({ startUs: 15_000_000, endUs: 30_000_000 }));
    });

    /** The lane canvas's colour at a point, drawn through the simulation filter. */
    const seen = (x: number, y: number): Promise<[number, number, number]> => canvasPixel(page, x, y, 'deuteranopia');

    it('tells the fault from the failed state it starts, and failed from running', async () => {
      const at = await pointOfRecord(page, fault.seq);
      const usPerPx = await page.evaluate(() => 15_000_000 / (window as unknown as { recsimViewer: { app: { timeline: { plotWidth(): number } } } }).recsimViewer.app.timeline.plotWidth());
      const star = await seen(at.x, at.y);
      const failed = await seen(at.x + 3_000_000 / usPerPx, at.y);
      const running = await seen(at.x - 3_000_000 / usPerPx, at.y);
      const colors = { star, failed, running };
      console.log(`[deuteranopia] as simulated in the browser: ${JSON.stringify(colors)}; ΔE star/failed ${deltaE(star, failed).toFixed(1)}, running/failed ${deltaE(running, failed).toFixed(1)}`);
      expect(deltaE(star, failed)).toBeGreaterThan(25);
      expect(deltaE(running, failed)).toBeGreaterThan(30);
    });

    it('saves what a deuteranope sees to test-results/viewer-deuteranopia.png: the same timeline in other colours, the failed lane still apart', async () => {
      const normal = await page.screenshot();
      await page.evaluate(() => {
        document.documentElement.style.filter = 'url(#deuteranopia)';
      });
      await nextFrames(page);
      const file = join(results, 'viewer-deuteranopia.png');
      const simulated = await page.screenshot({ path: file });
      // What the picture shows, checked on the page as it is shot: the filter is on, the failed state still stands out from running.
      const at = await pointOfRecord(page, fault.seq);
      const usPerPx = await page.evaluate(() => 15_000_000 / (window as unknown as { recsimViewer: { app: { timeline: { plotWidth(): number } } } }).recsimViewer.app.timeline.plotWidth());
      const failed = await seen(at.x + 3_000_000 / usPerPx, at.y);
      const running = await seen(at.x - 3_000_000 / usPerPx, at.y);
      await page.evaluate(() => {
        document.documentElement.style.filter = '';
      });
      expect(simulated.length).toBeGreaterThan(10_000);
      expect(simulated.equals(normal)).toBe(false);
      expect(deltaE(running, failed)).toBeGreaterThan(30);
      console.log(`[viewer] deuteranopia screenshot: ${file}`);
    });
  });

  describe('with the keyboard only', () => {
    const fault = recordOf(reboot, (r) => r.type === 'fault');

    beforeAll(async () => {
      await open(reboot, 'keyboard');
    });

    it('Tab reaches the plot, which shows a focus ring', async () => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.classList.contains('plot'))) break;
      }
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-roledescription'))).toBe('timeline');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    });

    it('reaches a mark, goes down to a lane and steps from event to event', async () => {
      type Selected = { seq: number; t: number; component?: string } | null;
      const selected = (): Promise<Selected> =>
        page.evaluate(() => {
          const app = (window as unknown as { recsimViewer: { app: { selection: { traceIndex: number; seq: number } | null; model: { traces: { bySeq: { get(s: number): { seq: number; t: number; component?: string } } }[] } } } }).recsimViewer.app;
          return app.selection ? app.model.traces[app.selection.traceIndex]!.bySeq.get(app.selection.seq) : null;
        });
      await page.keyboard.press('Enter');
      expect(await selected()).not.toBeNull();
      for (let i = 0; i < 10 && (await selected())?.component !== fault.component; i++) await page.keyboard.press('ArrowDown');
      expect((await selected())?.component).toBe(fault.component);
      for (let i = 0; i < 20; i++) {
        const at = (await selected())!;
        if (at.seq === fault.seq) break;
        await page.keyboard.press(at.t < fault.t ? ']' : '[');
      }
      expect((await viewState(page)).selection).toEqual({ traceIndex: 0, seq: fault.seq });
      expect(await page.textContent('.details-title')).toBe('fault at 30s');
      // Every record of the instant in turn, then back.
      await page.keyboard.press(']');
      expect(await page.textContent('.details-title')).toBe('terminated at 30s');
      await page.keyboard.press('[');
      expect(await page.textContent('.details-title')).toBe('fault at 30s');
    });

    it('moves the window from the overview', async () => {
      await page.keyboard.press('0');
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      await page.focus('.overview-area');
      const before = await viewState(page);
      await page.keyboard.press('ArrowRight');
      const after = await viewState(page);
      expect(after.startUs).toBeGreaterThan(before.startUs);
    });
  });

  describe('in an 800-pixel window', () => {
    beforeAll(async () => {
      await open(longNames, 'long-names', { width: 800, height: 700 });
    });

    it('keeps most of the width for the plot', async () => {
      const width = await page.evaluate(() => (window as unknown as { recsimViewer: { app: { timeline: { plotWidth(): number } } } }).recsimViewer.app.timeline.plotWidth());
      expect(width).toBeGreaterThan(800 * 0.45);
    });

    it('tells long names apart by their ends, the full name on hover', async () => {
      const names = await texts(page, '.lane-label .name');
      const drivers = names.filter((n) => n.includes('…'));
      expect(drivers).toHaveLength(2);
      expect(drivers[0]).not.toBe(drivers[1]);
      expect(drivers.map((n) => n.slice(-1))).toEqual(['1', '2']);
      expect(await page.$$eval('.lane-label', (els) => els.map((el) => el.getAttribute('title')))).toContain('/core/drivers/usb/very-long-usb-host-controller-driver-instance-2');
    });

    it('resizes the lane names and the side panel from the keyboard', async () => {
      const labelWidth = (): Promise<number> => page.evaluate(() => (window as unknown as { recsimViewer: { app: { timeline: { labelWidth(): number } } } }).recsimViewer.app.timeline.labelWidth());
      const before = await labelWidth();
      await page.focus('#label-splitter');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await labelWidth()).toBe(before + 32);
      const side = (): Promise<number> => page.evaluate(() => document.getElementById('side')!.getBoundingClientRect().width);
      const sideBefore = await side();
      await page.focus('#side-splitter');
      await page.keyboard.press('ArrowRight');
      expect(await side()).toBe(sideBefore - 24);
    });

    it('sets no text smaller than 12 px', async () => {
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '') && el.getClientRects().length > 0)
          .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 12)
          .map((el) => `${el.tagName}.${el.className}: ${getComputedStyle(el).fontSize}`),
      );
      expect(small).toEqual([]);
    });

    it('wraps long text in the panel instead of widening it', async () => {
      await page.click('#incidents .incident-item');
      const overflow = await page.evaluate(() => {
        const side = document.getElementById('side')!;
        return side.scrollWidth - side.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      expect(watched.errors).toEqual([]);
    });
  });
});
