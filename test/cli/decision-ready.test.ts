import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { noFaultsNote } from '../../sim/cli/commands/compare.js';
import { resultWord } from '../../sim/cli/format-summary.js';
import { livenessDurationUs, faultWindowOf } from '../../sim/explore/explore.js';
import { importConfig } from '../../sim/import/index.js';
import { headerText } from '../../sim/import/summary.js';
import { scenarioYaml } from '../../sim/import/writer.js';
import { parseScenario } from '../../sim/scenario/load.js';
import { runCli } from './in-process.js';

const DOCKER = 'test/fixtures/real/systemd/docker-2026';

function imported(duration: string) {
  const result = importConfig('systemd', [DOCKER], { duration });
  return parseScenario(scenarioYaml(result, headerText(result, [DOCKER])), 'docker.yaml');
}

describe('decision-ready output for an import', () => {
  test('compare names the missing faults and the flags that add them; a scenario with faults gets no note', () => {
    const s = imported('10min');
    expect(noFaultsNote(s, 'docker.yaml')).toMatch(/has no faults, so every policy runs the same[\s\S]*--crash containerd\.service[\s\S]*--crash-rate[\s\S]*--crash-signal abort/);
    const withFault = { ...s, faults: [{} as never] };
    expect(noFaultsNote(withFault, 'docker.yaml')).toBeUndefined();
  });

  test('import --crash-signal writes the signal into the crash fault; a bad signal is exit 2', async () => {
    const out = `${process.env.TMPDIR ?? '/tmp'}/recsim-crash-signal-${process.pid}.yaml`;
    const r = await runCli(['import', 'systemd', DOCKER, '--crash', 'docker.service', '--crash-signal', 'abort', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/crash: docker\.service[\s\S]*signal: abort|signal: abort[\s\S]*crash: docker\.service/);
    const bad = await runCli(['import', 'systemd', DOCKER, '--crash', 'docker.service', '--crash-signal', 'segv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--crash-signal segv: write kill, term or abort/);
  });

  test('the duration that judges liveness does judge it, and a shorter one does not', () => {
    const short = imported('1min');
    expect(faultWindowOf(short).livenessJudged).toBe(false);
    const needed = livenessDurationUs(short);
    const enough = imported(`${needed / 60e6}min`);
    expect(faultWindowOf(enough).livenessJudged).toBe(true);
  });

  test('an incomplete boot is never PASS', () => {
    expect(resultWord(true, undefined, false)).toBe('PASS');
    expect(resultWord(true, 'boot 1 never completed: a waits for b', false)).toBe('FAIL');
    expect(resultWord(true, 'boot 1 never completed: a waits for b', true)).toBe('EXPECTATIONS MET, BOOT INCOMPLETE');
    expect(resultWord(false, undefined, true)).toBe('FAIL');
  });
});
