import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';

export const embedPrefix = '/kommunkit/v1/';
export const loaderName = 'kommunkit.js';
/** The brotli and gzip copies the embed build writes beside each script, which @fastify/static's `preCompressed` sends. */
export const compressedCopy = /\.(br|gz)$/;

/**
 * Serves the embed bundle. Kommun pages on other origins load it as module scripts, which
 * need CORS. The loader's URL is what editors paste, so it is cached briefly and updates reach
 * every page within minutes; chunks have hashed names and are cached for a year. Each script is
 * sent as the brotli or gzip copy the embed build wrote beside it (`Vary: accept-encoding`), or
 * as it is to a client that accepts neither.
 */
export async function embedRoutes(app: FastifyInstance, root: string | undefined): Promise<void> {
  if (!root || !existsSync(root)) return;
  await app.register(fastifyStatic, {
    root,
    prefix: embedPrefix,
    decorateReply: false,
    index: false,
    cacheControl: false,
    preCompressed: true,
    // The compressed copies are encodings of their script, not URLs of their own.
    allowedPath: (path) => !compressedCopy.test(path),
    // `path` is the file sent: `kommunkit.js.br` for the loader in brotli.
    setHeaders: (response, path) => {
      void response.header('access-control-allow-origin', '*');
      void response.header('cross-origin-resource-policy', 'cross-origin');
      void response.header('x-content-type-options', 'nosniff');
      void response.header('cache-control', path.replace(compressedCopy, '').endsWith(`/${loaderName}`) ? 'public, max-age=300' : 'public, max-age=31536000, immutable');
    },
  });
}
