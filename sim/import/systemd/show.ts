import { readConfigFile } from '../read-config.js';
import { ImportError } from '../types.js';
import type { Assignment } from './parse.js';
import { isUnitName, unitType, type UnitDecl } from './load.js';
import { basename } from 'node:path';

/**
 * The second input form: the output of `systemctl show <units...>`
 * (systemctl(1) "show"): one block of Key=Value lines per unit, blocks
 * separated by a blank line, values already resolved by the manager (default
 * dependencies added, defaults filled in, time spans written as "1min 30s").
 * Property names differ from directive names where the value is a time span:
 * RestartUSec is RestartSec=, TimeoutStopUSec is TimeoutStopSec=, and so on.
 */

const SHOW_TO_DIRECTIVE: Readonly<Record<string, string>> = {
  RestartUSec: 'RestartSec',
  RestartMaxDelayUSec: 'RestartMaxDelaySec',
  TimeoutStopUSec: 'TimeoutStopSec',
  TimeoutStartUSec: 'TimeoutStartSec',
  StartLimitIntervalUSec: 'StartLimitIntervalSec',
  WatchdogUSec: 'WatchdogSec',
  RuntimeMaxUSec: 'RuntimeMaxSec',
  JobTimeoutUSec: 'JobTimeoutSec',
  JobRunningTimeoutUSec: 'JobRunningTimeoutSec',
  TimeoutAbortUSec: 'TimeoutAbortSec',
};

/** Values that mean "not set" in `systemctl show` output, where every property is printed. */
const UNSET: Readonly<Record<string, readonly string[]>> = {
  WatchdogSec: ['0'],
  RuntimeMaxSec: ['infinity'],
  JobTimeoutSec: ['infinity'],
  JobTimeoutAction: ['none'],
  FailureAction: ['none'],
  SuccessAction: ['none'],
  StartLimitAction: ['none'],
  RemainAfterExit: ['no'],
  RestartMode: ['normal'],
  StopWhenUnneeded: ['no'],
  RestartSteps: ['0'],
  RestartMaxDelaySec: ['infinity'],
  // systemd-system.conf(5) defaults, printed for every unit: not a choice of this unit.
  TimeoutStartSec: ['1min 30s', 'infinity'],
  TimeoutAbortSec: ['1min 30s', 'infinity'],
  JobRunningTimeoutSec: ['infinity'],
  KillSignal: ['15'],
  RestartKillSignal: ['15'],
  SendSIGKILL: ['yes'],
  ExitType: ['main'],
  OnFailureJobMode: ['replace'],
};

/** A line `systemctl show` output cannot hold (no `=`), skipped with a warning. */
export interface SkippedShowLine {
  file: string;
  line: number;
  text: string;
}

export function readShowFile(file: string, onSkip: (line: SkippedShowLine) => void = () => {}, onUnnamed: (at: string, name: string) => void = () => {}): UnitDecl[] {
  return parseShowText(readConfigFile(file, 'file', 'give the output of `systemctl show <units...>` saved to a file'), file, onSkip, onUnnamed);
}

/** `openstack-cinder-volume.service.txt` -> `openstack-cinder-volume.service`: the unit a one-unit dump was saved for. */
function unitNamedByFile(file: string): string | undefined {
  const base = basename(file).replace(/\.(txt|show|out|log)$/, '');
  return isUnitName(base) ? base : undefined;
}

export function parseShowText(text: string, file: string, onSkip: (line: SkippedShowLine) => void = () => {}, onUnnamed: (at: string, name: string) => void = () => {}): UnitDecl[] {
  const units: UnitDecl[] = [];
  let block: Assignment[] = [];
  let blockLine = 0;
  const flush = (): void => {
    if (block.length === 0) return;
    let id = block.find((a) => a.key === 'Id');
    if (!id) {
      // `systemctl show -p ...` or a capture cut by hand: name the unit from Names= or, for a one-unit file, from the file name.
      const names = block.find((a) => a.key === 'Names')?.value.split(/\s+/)[0];
      const byFile = blocks === 0 && isLastBlock() ? unitNamedByFile(file) : undefined;
      const name = names ?? byFile;
      if (name === undefined) throw new ImportError(file, blockLine, 1, 'a block without Id=: run `systemctl show` without --property (or add -p Id), or save one unit\'s output as <unit>.txt, e.g. nginx.service.txt');
      id = { section: 'show', key: 'Id', value: name, file, line: blockLine };
      onUnnamed(`${file}:${blockLine}`, name);
    }
    if (!isUnitName(id.value)) throw new ImportError(file, id.line, 1, `Id=${id.value.slice(0, 80)}: not a unit name (such as sshd.service); give the output of \`systemctl show\` unchanged`);
    const load = block.find((a) => a.key === 'LoadState')?.value;
    if (load === 'not-found' || load === 'masked') {
      units.push({ name: id.value, type: unitType(id.value), file, line: id.line, dropIns: [], assignments: [{ ...id, key: 'LoadState', value: load }], wantsDir: [], requiresDir: [], resolved: true });
    } else {
      const assignments = block
        .map((a) => ({ ...a, key: SHOW_TO_DIRECTIVE[a.key] ?? a.key }))
        // systemd before v230 printed StartLimitInterval= as a bare number of microseconds (10000000 is 10 s).
        .map((a) => (a.key === 'StartLimitInterval' && /^\d+$/.test(a.value) ? { ...a, value: `${a.value}us` } : a))
        .filter((a) => a.value !== '' && !(UNSET[a.key] ?? []).includes(a.value));
      units.push({ name: id.value, type: unitType(id.value), file, line: id.line, dropIns: [], assignments, wantsDir: [], requiresDir: [], resolved: true });
    }
    block = [];
    blocks++;
  };
  let blocks = 0;
  const lines = text.split(/\r?\n/);
  let lineIndex = 0;
  const isLastBlock = (): boolean => lines.slice(lineIndex + 1).every((l) => l.trim() === '');
  for (let i = 0; i < lines.length; i++) {
    lineIndex = i;
    const line = lines[i]!;
    if (line.trim() === '') {
      flush();
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) {
      // systemctl never prints such a line; a capture that wrapped a long value does.
      onSkip({ file, line: i + 1, text: line.slice(0, 60) });
      continue;
    }
    if (block.length === 0) blockLine = i + 1;
    block.push({ section: 'show', key: line.slice(0, eq), value: line.slice(eq + 1).trim(), file, line: i + 1 });
  }
  lineIndex = lines.length;
  flush();
  if (units.length === 0) throw new ImportError(file, 0, 0, 'no units in it; give the output of `systemctl show <units...>`');
  return units;
}
