import { z } from 'zod';
import { ScenarioProblem, type FieldPath } from '../format/errors.js';
import { FAULT_KINDS } from './registry.js';
import type { FaultKindModule } from './types.js';

/**
 * The fault kinds' part of the file format, derived from the registry: every
 * kind's key, and every kind's extra fields. The file schema accepts their
 * union (so that editors complete every field, and a misspelt one is an
 * unknown field); which kind a field belongs to is checked after, by
 * `checkFieldsBelongTo`, with a message that names the kinds it applies to.
 */

const modules = FAULT_KINDS as readonly FaultKindModule[];

/** Each extra field and the kinds (file spelling) that accept it, in registry order. */
const fieldOwners = new Map<string, string[]>();
const fieldSchemas = new Map<string, z.ZodType>();
for (const module of modules) {
  for (const [field, schema] of Object.entries(module.fields)) {
    if (modules.some((m) => m.key === field)) throw new Error(`fault kind ${module.key}: field \`${field}\` is also a fault kind`);
    const first = fieldSchemas.get(field);
    if (first !== undefined && first !== schema) {
      throw new Error(`fault kinds ${fieldOwners.get(field)![0]} and ${module.key} declare \`${field}\` differently: share one schema (sim/faults/fields.ts)`);
    }
    fieldSchemas.set(field, schema as z.ZodType);
    fieldOwners.set(field, [...(fieldOwners.get(field) ?? []), module.key]);
  }
}

function optional(schema: z.ZodType): z.ZodType {
  return schema.safeParse(undefined).success ? schema : schema.optional();
}

function kindList(keys: readonly string[]): string {
  return keys.map((k) => `\`${k}\``).join(', ');
}

/** Every kind's key and every kind's field, all optional, for the fault object of the file schema. */
export function faultKindsShape(): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const module of modules) shape[module.key] = optional(module.value).describe(`${module.doc.summary} (${module.doc.rule}).`);
  for (const [field, schema] of fieldSchemas) {
    const description = schema.description === undefined ? '' : `${schema.description} `;
    shape[field] = optional(schema).describe(`${description}For ${kindList(fieldOwners.get(field)!)}.`);
  }
  return shape;
}

/** The fault's own fields: those of its kind, picked from the fault object. */
export function fieldsOf(module: FaultKindModule, fault: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of Object.keys(module.fields)) if (fault[field] !== undefined) fields[field] = fault[field];
  return fields;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** Refuses a field of another kind (`{hang: a, exit_code: 3}`), pointing at it and naming the kinds it applies to. */
export function checkFieldsBelongTo(module: FaultKindModule, fault: Readonly<Record<string, unknown>>, path: FieldPath): void {
  for (const [field, owners] of fieldOwners) {
    if (fault[field] === undefined || owners.includes(module.key)) continue;
    throw new ScenarioProblem(
      [...path, field],
      `\`${field}\` does not apply to ${article(module.key)} ${module.key} fault (it applies to ${owners.join(', ')})`,
      true,
    );
  }
}
