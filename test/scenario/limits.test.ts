import { describe, expect, test } from 'vitest';
import { ScenarioProblem } from '../../sim/format/errors.js';
import { MAX_COMPONENTS, validateScenario } from '../../sim/scenario/validate.js';
import { scenarioFrom } from '../helpers/scenario.js';

describe('limits are checked before a run', () => {
  test(`more than ${MAX_COMPONENTS} components are refused, naming the limit`, () => {
    const small = scenarioFrom('name: x\nduration: 1s\ncomponents: [{ name: a }]\n');
    const huge = { ...small, components: new Array(MAX_COMPONENTS + 1).fill(small.components[0]) };
    expect(() => validateScenario(huge)).toThrow(ScenarioProblem);
    expect(() => validateScenario(huge)).toThrow(/1,000,001 components exceed recsim's limit of 1,000,000/);
  });
});
