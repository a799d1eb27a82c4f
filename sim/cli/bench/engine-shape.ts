import { Engine } from '../../engine/engine.js';

/**
 * The reference benchmark shape (../shared/bench/reference-loops.mjs):
 * NPROC processes each wait ITERS times for 1 + (xorshift32 % 100) units, one
 * shared xorshift32 stream drawn in event order, ties first-in first-out.
 * Every correct loop ends at virtual time 53197 for 1000 x 1000.
 */
export function runEngineShape(nproc: number, iters: number): { events: number; endTime: number } {
  let s = 2463534242 >>> 0;
  const draw = (): number => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return 1 + (s % 100);
  };
  const engine = new Engine<number>();
  const left = new Int32Array(nproc).fill(iters);
  let endTime = 0;
  for (let p = 0; p < nproc; p++) engine.schedule(draw(), p);
  engine.run((p) => {
    endTime = engine.nowUs;
    if (--left[p]! > 0) engine.schedule(draw(), p);
  }, { untilUs: Number.MAX_SAFE_INTEGER, eventBudget: Number.MAX_SAFE_INTEGER });
  return { events: engine.eventsProcessed, endTime };
}
