import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../sim/io/exit-codes.js';
import { inlineTrace, packageRoot, traceScriptBlock, viewerHtmlPath, writeHtmlReportFrom } from '../../sim/report/html.js';
import { loadFixture } from '../helpers/fixtures.js';

const VIEWER = '<!doctype html><html><head><script type="module">console.log("</body>")</script></head><body><div id="app"></div></body></html>';

/** What the viewer does with the page: find the block, JSON.parse its text. */
function readInlined(html: string): unknown {
  const match = /<script type="application\/json" id="recsim-trace">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no inlined trace');
  return JSON.parse(match[1]!);
}

describe('inlineTrace', () => {
  it('puts the trace in a JSON block before the last </body>', () => {
    const trace = loadFixture('netstack-reboot.json');
    const html = inlineTrace(VIEWER, trace);
    expect(html.indexOf('id="recsim-trace"')).toBeGreaterThan(html.indexOf('<div id="app">'));
    expect(html.endsWith('</body></html>')).toBe(true);
    expect(readInlined(html)).toEqual(trace);
  });

  it('cannot be broken out of by names containing </script> or <!--', () => {
    const trace = loadFixture('xss-names.json');
    trace.records[0] = { ...trace.records[0]!, component: '</script><script>alert(1)</script><!--' };
    const html = inlineTrace(VIEWER, trace);
    const block = html.slice(html.indexOf('id="recsim-trace"'));
    const body = block.slice(0, block.indexOf('</script>'));
    expect(body).not.toMatch(/</);
    expect(body).toContain('\\u003c/script>');
    expect(readInlined(html)).toEqual(trace);
  });
});

describe('traceScriptBlock', () => {
  it('inlines the trace as JSON the browser does not run', () => {
    expect(traceScriptBlock(loadFixture('netstack-reboot.json'))).toMatch(/^<script type="application\/json" id="recsim-trace">\{"format":"recsim-trace".*<\/script>$/s);
  });
});

describe('writeHtmlReportFrom', () => {
  it('writes the viewer with the trace inlined, creating folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recsim-report-'));
    const viewer = join(dir, 'viewer.html');
    writeFileSync(viewer, VIEWER);
    const out = join(dir, 'nested', 'report.html');
    writeHtmlReportFrom(viewer, loadFixture('netstack-reboot.json'), out);
    expect(readInlined(readFileSync(out, 'utf8'))).toEqual(loadFixture('netstack-reboot.json'));
  });

  it('says to run npm run build when the viewer is not built', () => {
    const missing = join(tmpdir(), 'recsim-no-such-dir', 'index.html');
    const attempt = (): void => writeHtmlReportFrom(missing, loadFixture('netstack-reboot.json'), join(tmpdir(), 'x.html'));
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/run `npm run build`/);
  });
});

describe('viewerHtmlPath', () => {
  it('points at viz/dist/index.html under the package root', () => {
    expect(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).name).toBe('recsim');
    expect(viewerHtmlPath()).toBe(join(packageRoot(), 'viz', 'dist', 'index.html'));
  });
});
