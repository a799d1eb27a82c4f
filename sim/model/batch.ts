import { ref, type Command } from './commands.js';

/**
 * Joins batches of commands, each written with its own `{ ref: k }`
 * numbering (k counts from the batch's first command), into one batch whose
 * references still point at the same commands.
 */
export function concatBatches(batches: readonly (readonly Command[])[]): Command[] {
  const out: Command[] = [];
  for (const batch of batches) {
    const offset = out.length;
    for (const cmd of batch) {
      const moved = { ...cmd } as Record<string, unknown>;
      for (const key of ['cause', 'detected']) {
        const cause = moved[key];
        if (typeof cause === 'object' && cause !== null && 'ref' in cause) moved[key] = ref((cause as { ref: number }).ref + offset);
      }
      out.push(moved as Command);
    }
  }
  return out;
}
