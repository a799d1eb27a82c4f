import { describe, expect, it } from 'vitest';
import { InstantStart } from '../../sim/checks/instant-start.js';

describe('InstantStart', () => {
  it('names the first record of the latest instant, and moves only when time does', () => {
    const instant = new InstantStart();
    expect(instant.firstSeq).toBe(0);
    instant.note({ t: 0, seq: 0 });
    instant.note({ t: 0, seq: 1 });
    expect(instant.firstSeq).toBe(0);
    instant.note({ t: 5, seq: 2 });
    instant.note({ t: 5, seq: 3 });
    instant.note({ t: 5, seq: 4 });
    expect(instant.firstSeq).toBe(2);
    instant.note({ t: 6, seq: 5 });
    expect(instant.firstSeq).toBe(5);
  });
});
