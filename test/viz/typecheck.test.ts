import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packageRoot } from '../../sim/report/html.js';

// `npm run build` type-checks sim/ (tsc) but only bundles viz/ (vite strips types unchecked): check it here.
it('the viewer type-checks (tsc -p viz/tsconfig.json)', () => {
  const root = packageRoot();
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'viz', 'tsconfig.json')], { encoding: 'utf8' });
  expect(`${result.stdout}${result.stderr}`).toBe('');
  expect(result.status).toBe(0);
});
