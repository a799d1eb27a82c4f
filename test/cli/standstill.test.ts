import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../sim/io/exit-codes.js';
import { runCli } from './in-process.js';

describe('a restart storm whose virtual time stands still', () => {
  it('ends with exit 3 once one instant holds 100,000 and 1,000 per component events, and says time stood still', async () => {
    // A component restarted at once, forever, that crashes as it starts: every restart is at time 0.
    const file = join(mkdtempSync(join(tmpdir(), 'recsim-standstill-')), 'storm.yaml');
    writeFileSync(file, `name: restart storm
duration: 1h
event_budget: 5000000
components:
  - { name: a, restart: { when: always, delay: 0s } }
faults:
  - { when: { record: state, component: a }, times: 1000000000, crash: a }
`);
    const { code, stdout } = await runCli(['run', file]);
    expect(code).toBe(EXIT.budgetExhausted);
    expect(stdout).toContain('(seed 1, 0s virtual, 101000 events,');
    expect(stdout).toContain('EVENT BUDGET EXHAUSTED after 101000 events: virtual time stood still at 0.000s for 101000 of them');
    expect(stdout).toMatch(/no-restart-livelock \[policy\]: a restarted more than 100 times at t=0us/);
  });
});
