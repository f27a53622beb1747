import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside `file`, for the
 * gateway to send as they are (@fastify/static's `preCompressed`): a citizen on a phone
 * downloads a third of the bytes, and the gateway compresses nothing per request. Done once at
 * build time because quality 11 is too slow to run per response, which is what a compressing
 * proxy or @fastify/compress would do. Node's zlib is the library for it.
 */
export function writeCompressedCopies(file: string): void {
  const bytes = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
}

/** The build's step that does it for every script it wrote. */
export function precompressed(): Plugin {
  return {
    name: 'kommunkit:precompressed',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) if (file.endsWith('.js')) writeCompressedCopies(join(options.dir!, file));
    },
  };
}
