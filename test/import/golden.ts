import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { importConfig } from '../../sim/import/index.js';
import { headerText } from '../../sim/import/summary.js';
import type { ImportFormat, ImportResult } from '../../sim/import/types.js';
import { scenarioYaml } from '../../sim/import/writer.js';
import { parseScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/scenario/types.js';
import { simulate } from '../../sim/simulate.js';
import type { TraceRecord } from '../../sim/trace/records.js';

/** Imports fixtures the way `recsim import` does and returns the result, its YAML and the loaded scenario. */
export function importFixture(format: ImportFormat, paths: string[], faults: object[] = [], duration = '2min') {
  const result: ImportResult = importConfig(format, paths, { duration });
  result.scenario.faults = faults as never;
  const yaml = scenarioYaml(result, headerText(result, paths));
  const scenario: Scenario = parseScenario(yaml, `${format}-import.yaml`);
  return { result, yaml, scenario };
}

/**
 * Compares text with a golden file beside the fixtures; RECSIM_UPDATE_GOLDEN=1
 * rewrites it (then review the diff like any change to the importers).
 */
export function golden(path: string, text: string): string {
  if (process.env.RECSIM_UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, text);
  return readFileSync(path, 'utf8');
}

export function run(scenario: Scenario): TraceRecord[] {
  return simulate(scenario, {}).records;
}

export function decisions(records: readonly TraceRecord[], component: string) {
  return records.filter((r): r is Extract<TraceRecord, { type: 'decision' }> => r.type === 'decision' && r.component === component);
}
