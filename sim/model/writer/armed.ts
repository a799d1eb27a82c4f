import { conditionHolds } from '../../faults/condition.js';
import type { ArmedFault } from '../fault-commands.js';
import type { WriterCore } from './core.js';

/** An armed fault acts at a lifecycle moment unless its `while:` condition does not hold then. */
export function armedActs(w: WriterCore, armed: ArmedFault): boolean {
  return armed.while === undefined || conditionHolds(armed.while, w.comp(armed.while.c).life.state);
}
