import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { importFixture, run } from './golden.js';

/**
 * systemd's dependency directives map onto recsim's edges exactly
 * (sim/import/systemd/map.ts mapRequirements, sim/scenario/edges.ts):
 * After=/Before= -> after, Requires= -> requires, Wants= -> wants,
 * Requisite= -> requisite; units the boot does not pull in (an OnFailure=
 * handler) -> start: on-demand.
 */
describe('recsim import systemd: ordering, requirements and on-demand units', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recsim-edges-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const unit = (name: string, text: string): void => writeFileSync(join(dir, name), text);
  unit('default.target', '[Unit]\nWants=app.service web.service\n');
  unit('app.service', '[Unit]\nRequires=db.service\nAfter=db.service\nOnFailure=handler.service\n[Service]\nExecStart=/bin/app\nRestart=no\n');
  unit('web.service', '[Unit]\nWants=db.service\nRequisite=cache.service\nAfter=db.service\n[Service]\nExecStart=/bin/web\n');
  unit('db.service', '[Unit]\nBefore=web.service\n[Service]\nExecStart=/bin/db\n');
  unit('cache.service', '[Unit]\nDefaultDependencies=no\n[Service]\nExecStart=/bin/cache\n');
  unit('handler.service', '[Unit]\nDescription=tells someone\n[Service]\nExecStart=/bin/handler\n');
  const { result, scenario } = importFixture('systemd', [dir], [{ at: '10s', crash: 'app.service', exit_code: 1 }]);
  const byName = (name: string) => result.scenario.components.find((c) => c.name === name)!;

  test('each directive has its own field', () => {
    expect(byName('app.service')).toMatchObject({ requires: ['db.service'], after: ['db.service'], on_failure: ['handler.service'] });
    expect(byName('web.service')).toMatchObject({ wants: ['db.service'], requisite: ['cache.service'], after: ['db.service'] });
    expect(byName('app.service').depends).toBeUndefined();
    expect(byName('default.target')).toMatchObject({ wants: ['app.service', 'web.service'] });
  });

  test('what the boot does not pull in is on-demand: the OnFailure= handler and the Requisite= unit', () => {
    expect(byName('handler.service').start).toBe('on-demand');
    expect(byName('cache.service').start).toBe('on-demand');
    expect(byName('db.service').start).toBeUndefined();
  });

  test('the boot leaves them down; web is refused (Requisite=cache inactive); the crash of app starts its handler', () => {
    const records = run(scenario);
    const starts = records.filter((r) => r.type === 'state' && r.to === 'starting').map((r) => `${r.t / 1e6}s ${r.component}`);
    expect(starts).toContain('10s handler.service');
    expect(starts.some((s) => s.endsWith('cache.service'))).toBe(false);
    expect(starts.some((s) => s.startsWith('0s handler'))).toBe(false);
    expect(records.some((r) => r.type === 'start-refused' && r.component === 'web.service')).toBe(true);
  });
});
