import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The command line as a handful of files (`npm run build:cli`): bin/recsim.mjs
 * runs dist/sim/bundle/main.js, made from tsc's dist/ with every dependency
 * inlined. Loading some 300 modules one by one (resolve, read, compile, link
 * each) was most of `recsim run`'s start-up; one chunk per command loads in a
 * fraction of it, and a command still loads only its own chunks.
 *
 * The bundle sits in dist/sim/bundle/ so that what finds its files from its
 * own URL still does: the compare and tune workers are at `../compare/`,
 * `../tune/` (sim/compare/worker-pool.ts, builtWorkerUrl), the exhaustive
 * worker beside its caller (sim/explore/exhaustive/parallel.ts: `./worker.js`,
 * hence the second entry), and the package root above it (sim/report/html.ts).
 */
const dist = (path: string): string => fileURLToPath(new URL(`../dist/sim/${path}`, import.meta.url));

export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: dist('bundle'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { main: dist('cli/main.js'), worker: dist('explore/exhaustive/worker.js') },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
