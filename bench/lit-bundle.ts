import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { precompressed } from '../packages/embed/precompress.js';

/**
 * Bundles a one-file Lit module the way the embed is built (ES2022, minified, no preload
 * helper, a brotli and a gzip copy beside it), so reference figures compare like with like.
 * Writes `outFile` into `dir`.
 */
export async function bundleLitModule(dir: string, source: string, outFile: string): Promise<void> {
  const entry = join(dir, `${outFile}.entry.js`);
  writeFileSync(entry, source);
  // Vite's build sets NODE_ENV=production for the whole process; the gateway the bench then
  // starts would take that as a production start (and refuse the dev data key).
  const nodeEnv = process.env.NODE_ENV;
  await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    plugins: [precompressed()],
    resolve: { alias: { lit: resolve(import.meta.dirname, 'node_modules/lit') } },
    build: {
      outDir: dir,
      emptyOutDir: false,
      target: 'es2022',
      modulePreload: false,
      rolldownOptions: { input: entry, output: { minify: true, entryFileNames: outFile } },
    },
  });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
}
