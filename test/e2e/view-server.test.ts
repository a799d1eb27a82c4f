import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../sim/io/exit-codes.js';
import { COMPARE_PATH, registerViewCommand, startViewServer, TRACE_PATH, type ViewServer } from '../../sim/cli/commands/view.js';
import { registerExportCommand } from '../../sim/cli/commands/export.js';
import { fixturePath, loadFixture } from '../helpers/fixtures.js';

/** A raw GET (fetch would normalise "/../" away before sending it). */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the view server', () => {
  let server: ViewServer;
  const dist = mkdtempSync(join(tmpdir(), 'recsim-dist-'));
  beforeAll(async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>viewer</title>');
    server = await startViewServer({ tracePath: fixturePath('netstack-reboot.json'), distDir: dist, port: 0 });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and gives the URL that loads the trace', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?trace=${TRACE_PATH}`);
  });

  it('serves the viewer page at /', async () => {
    const res = await get(server.port, '/?trace=/trace.json');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.body).toContain('<title>viewer</title>');
  });

  it('serves the trace as JSON', async () => {
    const res = await get(server.port, TRACE_PATH);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual(loadFixture('netstack-reboot.json'));
  });

  it.each(['/../package.json', '/%2e%2e/%2e%2e/package.json', '/nope.js', '/%E0%A4%A'])('refuses %s', async (path) => {
    const res = await get(server.port, path);
    expect([400, 404]).toContain(res.status);
  });

  it('accepts only GET and HEAD', async () => {
    expect((await get(server.port, '/', 'POST')).status).toBe(405);
    expect((await get(server.port, '/', 'HEAD')).status).toBe(200);
  });
});

describe('the view server with two traces', () => {
  it('serves the second at /compare.json and opens the viewer on both', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'recsim-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>viewer</title>');
    const server = await startViewServer({ tracePath: fixturePath('netstack-reboot.json'), comparePath: fixturePath('generated-netstack-reboot.json'), distDir: dist, port: 0 });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/?trace=${TRACE_PATH}&compare=${COMPARE_PATH}`);
      const res = await get(server.port, COMPARE_PATH);
      expect(JSON.parse(res.body)).toEqual(loadFixture('generated-netstack-reboot.json'));
    } finally {
      await server.close();
    }
  });
});

describe('recsim view / recsim export argument errors', () => {
  const run = async (register: (p: Command) => void, args: string[]): Promise<unknown> => {
    const program = new Command('recsim').exitOverride();
    program.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    register(program);
    try {
      await program.parseAsync(args, { from: 'user' });
      return null;
    } catch (error) {
      return error;
    }
  };
  const dir = mkdtempSync(join(tmpdir(), 'recsim-args-'));
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{"format": "recsim-trace", ');
  const notTrace = join(dir, 'other.json');
  writeFileSync(notTrace, '{"traceEvents": []}');

  it.each([
    [['view', join(dir, 'missing.json'), '--no-open'], /missing\.json: no such trace file/],
    [['view', notJson, '--no-open'], /broken\.json: not valid JSON/],
    [['view', notTrace, '--no-open'], /other\.json: not a recsim trace/],
    [['view', fixturePath('netstack-reboot.json'), '--no-open', '--port', 'http'], /--port: not a port number: "http"/],
    [['view', fixturePath('netstack-reboot.json'), join(dir, 'missing.json'), '--no-open'], /missing\.json: no such trace file/],
    [['export', join(dir, 'missing.json'), '--format', 'chrome'], /missing\.json: no such trace file/],
  ])('%j fails with a one-line usage error', async (args, message) => {
    const error = await run((p) => {
      registerViewCommand(p);
      registerExportCommand(p);
    }, args);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('export insists on a known --format', async () => {
    const error = await run(registerExportCommand, ['export', fixturePath('netstack-reboot.json'), '--format', 'svg']);
    expect((error as { code?: string }).code).toBe('commander.invalidArgument');
  });

  it('export --out writes Chrome Trace Event JSON', async () => {
    const out = join(dir, 'out', 'chrome.json');
    const stderr = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await run(registerExportCommand, ['export', fixturePath('netstack-reboot.json'), '--format', 'chrome', '--out', out])).toBeNull();
    } finally {
      process.stderr.write = stderr;
    }
    const { readFileSync } = await import('node:fs');
    const json = JSON.parse(readFileSync(out, 'utf8')) as { traceEvents: { ph: string }[] };
    expect(json.traceEvents.some((e) => e.ph === 'X')).toBe(true);
  });
});
