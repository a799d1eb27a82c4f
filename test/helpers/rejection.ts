import { ScenarioError } from '../../sim/format/errors.js';
import { parseScenario } from '../../sim/scenario/load.js';

/**
 * The one line a scenario is refused with (`file:line:column field: what to
 * change`); fails the test if it is accepted or fails otherwise.
 */
export function rejectionOf(yaml: string, file = 'inline.yaml'): string {
  return scenarioErrorOf(() => parseScenario(yaml, file)).message;
}

/** The ScenarioError that `load` throws; fails the test if it throws nothing or something else. */
export function scenarioErrorOf(load: () => unknown): ScenarioError {
  try {
    load();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('the scenario was accepted');
}
