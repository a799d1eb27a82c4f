import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/** The JSON Schema of scenario files, for editor completion (`# yaml-language-server: $schema=...`). */
export function scenarioJsonSchema(): object {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://recsim.dev/schema/scenario.json',
    title: 'recsim scenario',
  };
}
