import { describe, expect, test } from 'vitest';
import { WaitingLives } from '../../../sim/model/writer/waiting-lives.js';
import type { PendingStart } from '../../../sim/model/state.js';

describe('waiting lives, shared by starts waiting with the same pending start', () => {
  const waitFor: string[] = [];
  const boot: PendingStart = { cause: 3, origin: 'boot', asRestart: false, waitFor };

  test('the same pending start, field by field, gives the same life; any field different gives a new one', () => {
    const lives = new WaitingLives();
    const first = lives.of({ ...boot });
    expect(lives.of({ ...boot })).toBe(first);
    const variants: PendingStart[] = [
      { ...boot, cause: 4 },
      { ...boot, origin: 'restart' },
      { ...boot, asRestart: true },
      { ...boot, waitFor: ['x'] },
      { ...boot, refused: true },
    ];
    for (const pending of variants) {
      const life = lives.of(pending);
      expect(life).not.toBe(first);
      expect(life).toEqual({ state: 'stopped', pending });
      expect(lives.of({ ...boot })).not.toBe(life);
    }
  });

  test('a shared waiting life cannot be changed in place (a refusal makes a new one)', () => {
    const life = new WaitingLives().of({ ...boot });
    expect(() => {
      if (life.state === 'stopped') life.pending!.refused = true;
    }).toThrow();
    expect(() => {
      (life as { state: string }).state = 'starting';
    }).toThrow();
  });
});
