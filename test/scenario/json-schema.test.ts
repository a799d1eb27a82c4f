import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { scenarioJsonSchema } from '../../sim/scenario/json-schema.js';

test('scenarios/recsim.schema.json is the schema the loader checks (regenerate: npm run schema)', () => {
  const committed = JSON.parse(readFileSync('scenarios/recsim.schema.json', 'utf8'));
  expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
});

test('the JSON Schema describes the main fields for editor completion', () => {
  const schema = scenarioJsonSchema() as { properties: Record<string, unknown>; required: string[] };
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'duration', 'components', 'faults', 'expect', 'system']));
  expect(schema.required).toEqual(expect.arrayContaining(['name', 'duration', 'components']));
});
