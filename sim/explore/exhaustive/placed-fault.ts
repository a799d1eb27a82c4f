import type { Micros } from '../../engine/time.js';
import type { MenuFault } from './fault-menu.js';

/** A fault of the menu placed at a decision point of the run: before or after the record at that point. */
export interface PlacedFault {
  fault: MenuFault;
  /** Events of the run handled before it. */
  stepsDone: number;
  atUs: Micros;
  side: 'before' | 'after';
  seq: number;
}
